package dev.sluice.core.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSensorTest {
  @TempDir Path dir;

  @Test
  void threeFilesArrivingStartThreeRunsAndEachFileIsProcessedOnce() throws Exception {
    Fixture f =
        new Fixture(
            dir,
            "sensors:\n  - {name: landed, kind: files, path: \"landing/orders_*.csv\","
                + " select: \"+report\", min_interval: 10s}\n");
    assertThat(f.at("2026-12-01T10:00:00Z").runs()).isEmpty();
    Files.createDirectories(dir.resolve("landing"));
    Files.writeString(dir.resolve("landing/orders_1.csv"), "id\n1\n");
    Files.writeString(dir.resolve("landing/other.csv"), "id\n1\n");
    // within min_interval: not looked at yet
    assertThat(f.at("2026-12-01T10:00:05Z").runs()).isEmpty();
    ServeLoop.Tick first = f.at("2026-12-01T10:00:11Z");
    assertThat(first.runs())
        .extracting(o -> o.request().vars().get("sensor_file"))
        .containsExactly("landing/orders_1.csv");
    Files.writeString(dir.resolve("landing/orders_2.csv"), "id\n2\n");
    Files.writeString(dir.resolve("landing/orders_3.csv"), "id\n3\n");
    ServeLoop.Tick second = f.at("2026-12-01T10:00:30Z");
    assertThat(second.runs())
        .extracting(o -> o.request().vars().get("sensor_file"))
        .containsExactlyInAnyOrder("landing/orders_2.csv", "landing/orders_3.csv");
    assertThat(f.at("2026-12-01T10:01:00Z").runs()).isEmpty();
    assertThat(f.triggers())
        .containsExactlyInAnyOrder(
            "sensor landed: landing/orders_1.csv",
            "sensor landed: landing/orders_2.csv",
            "sensor landed: landing/orders_3.csv");
  }

  @Test
  void anAfterRunSensorFollowsTheScheduleItNames() {
    Fixture f =
        new Fixture(
            dir,
            "schedules:\n  - {name: hourly, cron: \"0 * * * *\", select: orders}\n"
                + "sensors:\n  - {name: then_report, kind: run, after: hourly, select: \"+report\","
                + " min_interval: 1s}\n");
    f.at("2026-12-01T09:59:30Z");
    ServeLoop.Tick t = f.at("2026-12-01T10:00:10Z");
    assertThat(t.runs()).hasSize(1);
    ServeLoop.Tick t2 = f.at("2026-12-01T10:00:20Z");
    assertThat(t2.runs()).extracting(o -> o.request().automation()).containsExactly("then_report");
    assertThat(f.at("2026-12-01T10:00:40Z").runs()).isEmpty();
  }

  @Test
  void aQuerySensorRunsWhenItsResultChanges() throws Exception {
    Files.createDirectories(dir.resolve("landing"));
    Files.writeString(dir.resolve("landing/v.csv"), "v\n1\n");
    Path csv = dir.resolve("landing/v.csv").toAbsolutePath();
    Fixture f =
        new Fixture(
            dir,
            "sensors:\n  - {name: changed, kind: query, sql: \"select max(v) from read_csv('"
                + csv
                + "')\", select: \"+report\", min_interval: 1s}\n");
    assertThat(f.at("2026-12-01T10:00:00Z").runs()).isEmpty(); // the first look records 1
    assertThat(f.at("2026-12-01T10:00:05Z").runs()).isEmpty();
    Files.writeString(csv, "v\n1\n2\n");
    assertThat(f.at("2026-12-01T10:00:10Z").runs()).hasSize(1);
    assertThat(f.at("2026-12-01T10:00:15Z").runs()).isEmpty();
  }
}

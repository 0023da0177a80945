package dev.sluice.core.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleTest {
  @TempDir Path dir;

  private Fixture every(String cron, String catchUp) {
    return new Fixture(
        dir,
        "schedules:\n  - {name: hourly, cron: \""
            + cron
            + "\", timezone: Europe/Berlin, select: \"+report\", catch_up: "
            + catchUp
            + "}\n");
  }

  @Test
  void aScheduleRunsAtItsTickOnceWithRunDateInItsTimeZone() {
    Fixture f = every("0 * * * *", "latest");
    assertThat(f.at("2026-12-01T22:59:00Z").runs()).isEmpty();
    ServeLoop.Tick t = f.at("2026-12-01T23:00:05Z");
    assertThat(t.runs()).hasSize(1);
    assertThat(t.runs().get(0).succeeded()).as(String.join("\n", f.log)).isTrue();
    // 23:00 UTC is midnight in Berlin: the run's day is the next one there
    assertThat(t.runs().get(0).request().vars()).containsEntry("run_date", "2026-12-02");
    assertThat(f.at("2026-12-01T23:00:30Z").runs()).isEmpty();
    assertThat(f.triggers()).containsExactly("schedule hourly at 2026-12-01T23:00:00Z");
    assertThat(t.next()).isBeforeOrEqualTo(java.time.Instant.parse("2026-12-01T23:01:05Z"));
  }

  @Test
  void catchUpLatestRunsOnceForTicksMissedWhileNothingRan() {
    Fixture f = every("0 * * * *", "latest");
    f.at("2026-12-01T10:30:00Z");
    ServeLoop.Tick t = f.at("2026-12-01T14:10:00Z");
    assertThat(t.runs())
        .extracting(o -> o.request().runKey())
        .containsExactly("2026-12-01T14:00:00Z");
  }

  @Test
  void catchUpAllRunsEveryMissedTickOldestFirst() {
    Fixture f = every("0 * * * *", "all");
    f.at("2026-12-01T10:30:00Z");
    ServeLoop.Tick t = f.at("2026-12-01T13:10:00Z");
    assertThat(t.runs())
        .extracting(o -> o.request().runKey())
        .containsExactly("2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z", "2026-12-01T13:00:00Z");
  }

  @Test
  void catchUpNoneDropsMissedTicks() {
    Fixture f = every("0 * * * *", "none");
    f.at("2026-12-01T10:30:00Z");
    assertThat(f.at("2026-12-01T13:10:00Z").runs()).isEmpty();
    assertThat(f.at("2026-12-01T14:00:20Z").runs()).hasSize(1);
  }

  @Test
  void aScheduleSwitchedOffDoesNotRun() {
    Fixture f = every("* * * * *", "latest");
    f.at("2026-12-01T10:00:00Z");
    try (var w =
        dev.sluice.core.warehouse.DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      new AutomationState(w).enabled("hourly", false, f.now);
    }
    assertThat(f.at("2026-12-01T10:05:00Z").runs()).isEmpty();
  }

  @Test
  void aTickClaimedByAServeThatDiedIsRunOnceByTheNext() {
    Fixture f = every("0 * * * *", "latest");
    f.at("2026-12-01T10:30:00Z");
    try (var w =
        dev.sluice.core.warehouse.DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      // what a serve killed during its run leaves behind: the tick claimed, never finished
      AutomationState s = new AutomationState(w);
      assertThat(s.claim("hourly", "2026-12-01T11:00:00Z", java.time.Instant.now())).isTrue();
      s.cursor("hourly", "2026-12-01T11:00:01Z", java.time.Instant.now());
    }
    ServeLoop.Tick t = f.at("2026-12-01T11:20:00Z");
    assertThat(t.runs())
        .extracting(o -> o.request().runKey())
        .containsExactly("2026-12-01T11:00:00Z");
    assertThat(f.at("2026-12-01T11:25:00Z").runs()).isEmpty();
    assertThat(f.triggers()).containsExactly("schedule hourly at 2026-12-01T11:00:00Z");
  }
}

package dev.sluice.app.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.orchestrate.ServeLoop;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tab's state, driven on the test's thread: no window. */
class AutomationViewModelTest {
  @TempDir Path dir;
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:30Z");

  private Manifest project(String reportSql) {
    ProjectFolder.sluice(dir, "x")
        .file(
            "models/daily.sql",
            "{{ config(materialized='table') }}\nselect '{{ var(\"run_date\", \"none\") }}' as day")
        .file("models/report.sql", reportSql)
        .file(
            "schedules/all.yml",
            "schedules:\n  - {name: hourly, cron: \"0 * * * *\", select: \"+report\"}\n"
                + "sensors:\n  - {name: landed, kind: files, path: \"landing/*.csv\","
                + " select: daily}\n");
    return Pipeline.parse(dir, PipelineOptions.defaults());
  }

  private AutomationViewModel model() {
    return new AutomationViewModel(Runnable::run, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void serveAt(String iso) {
    new ServeLoop(
            dir,
            PipelineOptions.defaults(),
            Clock.fixed(Instant.parse(iso), ZoneOffset.UTC),
            s -> {},
            RunListener.NONE)
        .once();
  }

  @Test
  void listsSchedulesAndSensorsWithNextTickAndTheLastResultServeLeft() {
    Manifest m = project("select * from {{ ref('daily') }}");
    serveAt("2026-12-01T09:59:50Z");
    serveAt("2026-12-01T10:00:05Z");
    AutomationViewModel vm = model();
    vm.refresh(m);
    assertThat(vm.rows()).extracting(AutomationRow::name).containsExactly("hourly", "landed");
    AutomationRow hourly = vm.rows().get(0);
    assertThat(hourly.kind()).isEqualTo("schedule");
    assertThat(hourly.when()).isEqualTo("0 * * * * (UTC)");
    assertThat(hourly.last()).startsWith("succeeded ");
    assertThat(hourly.enabled()).isTrue();
    assertThat(hourly.next()).isNotBlank().isNotEqualTo("never");
    assertThat(vm.rows().get(1).kind()).isEqualTo("files");
  }

  @Test
  void switchingAScheduleOffIsKeptInTheWarehouseForServe() {
    Manifest m = project("select * from {{ ref('daily') }}");
    AutomationViewModel vm = model();
    vm.refresh(m);
    vm.setEnabled("hourly", false);
    assertThat(vm.rows().get(0).enabled()).isFalse();
    assertThat(vm.rows().get(0).next()).isEqualTo("switched off");
    serveAt("2026-12-01T11:00:05Z");
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      assertThat(new RunHistory(w).runs(10)).isEmpty();
    }
  }

  @Test
  void backfillRunsOncePerDayWithRunDate() {
    Manifest m = project("select * from {{ ref('daily') }}");
    AutomationViewModel vm = model();
    vm.refresh(m);
    vm.backfill("hourly", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"));
    assertThat(vm.statusProperty().get()).isEqualTo("Backfilled hourly: 3 of 3 day(s), 0 failed");
    assertThat(vm.backfillingProperty().get()).isFalse();
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      assertThat(new RunHistory(w).runs(10))
          .extracting(RunHistory.Run::triggeredBy)
          .containsExactlyInAnyOrder(
              "backfill hourly 2026-11-01",
              "backfill hourly 2026-11-02",
              "backfill hourly 2026-11-03");
      String day =
          w.jdbi()
              .withHandle(h -> h.createQuery("select day from daily").mapTo(String.class).one());
      assertThat(day).isEqualTo("2026-11-03");
    }
  }

  @Test
  void aReversedBackfillRangeIsRefusedWithAMessage() {
    AutomationViewModel vm = model();
    vm.refresh(project("select 1 as a"));
    vm.backfill("hourly", LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-01"));
    assertThat(vm.statusProperty().get())
        .isEqualTo("Backfill: the range ends (2026-11-01) before it starts (2026-11-03)");
  }

  @Test
  void aNewFailureOfAnAutomatedRunRaisesTheDesktopAlert() {
    Manifest m =
        project(
            "{{ config(materialized='table') }}\nselect * from {{ ref('daily') }} where error('boom')");
    serveAt("2026-12-01T09:59:50Z");
    AutomationViewModel vm = model();
    vm.refresh(m);
    assertThat(vm.alertProperty().get()).isNull();
    serveAt("2026-12-01T10:00:05Z");
    vm.refresh(m);
    assertThat(vm.alertProperty().get()).startsWith("schedule hourly failed at ");
  }
}

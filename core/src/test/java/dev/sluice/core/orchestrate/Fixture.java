package dev.sluice.core.orchestrate;

import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A small project with automation, and a serve loop on a clock the test moves. */
final class Fixture {
  final ProjectFolder folder;
  final List<String> log = new CopyOnWriteArrayList<>();
  Instant now;

  Fixture(Path dir, String automationYaml) {
    folder =
        ProjectFolder.sluice(dir, "x")
            .file("models/orders.sql", "select 1 as id, {{ var('run_date', 'none') }} as d")
            .file("models/report.sql", "select * from {{ ref('orders') }}")
            .file("schedules/all.yml", automationYaml);
    folder.file(
        "models/orders.sql", "select 1 as id, '{{ var(\"run_date\", \"none\") }}' as run_date");
  }

  ServeLoop loop() {
    return loop(o -> o);
  }

  ServeLoop loop(Function<PipelineOptions, PipelineOptions> tweak) {
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return new ServeLoop(
        folder.root(), tweak.apply(PipelineOptions.defaults()), clock, log::add, RunListener.NONE);
  }

  ServeLoop.Tick at(String iso) {
    now = Instant.parse(iso);
    return loop().once();
  }

  /** Runs in the history, newest first, as their triggers. */
  List<String> triggers() {
    try (DuckDbWarehouse w =
        DuckDbWarehouse.open(folder.root().resolve("target/x.duckdb").toString())) {
      return new RunHistory(w).runs(100).stream().map(RunHistory.Run::triggeredBy).toList();
    }
  }
}

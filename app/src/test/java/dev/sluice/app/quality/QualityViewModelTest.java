package dev.sluice.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.quality.Category;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quality tab's state, without a window: read from a real warehouse after real builds. */
class QualityViewModelTest {
  @TempDir Path dir;

  @Test
  void beforeAnyRunItSaysSoAndAfterTwoBuildsItHoldsScoresTrendsFailuresAndFreshness() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("seeds/people.csv", "id,email\n1,a@x.com\n2,\n3,c@x.com\n4,d@x.com\n")
            .file(
                "seeds/schema.yml",
                """
                seeds:
                  - name: people
                    columns:
                      - name: id
                        tests: [unique]
                      - name: email
                        tests: [not_null]
                """)
            .file(
                "models/sources.yml",
                """
                sources:
                  - name: raw
                    loaded_at_field: at
                    freshness: {warn_after: {count: 1, period: hour}}
                    tables: [{name: events}]
                """);
    QualityViewModel vm = new QualityViewModel(Runnable::run, Runnable::run);
    String duckdb = f.root().resolve("target/q.duckdb").toString();
    vm.refresh(duckdb, Pipeline.parse(f.root(), PipelineOptions.defaults()));
    assertThat(vm.tables()).isEmpty();
    assertThat(vm.summaryProperty().get()).startsWith("No checks run yet");

    for (int i = 0; i < 2; i++) {
      try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
        p.warehouse()
            .jdbi()
            .useHandle(
                h -> {
                  h.execute("create schema if not exists raw");
                  h.execute(
                      "create or replace table raw.events as"
                          + " select (now() at time zone 'UTC') - interval '2 hour' as at");
                });
        p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
        duckdb = p.target().path();
      }
    }
    vm.refresh(duckdb, Pipeline.parse(f.root(), PipelineOptions.defaults()));
    assertThat(vm.tables()).hasSize(1);
    var people = vm.byNode().get("seed.people");
    assertThat(people.categories()).containsEntry(Category.COMPLETENESS, 75.0);
    assertThat(people.overall()).isEqualTo(87.5);
    assertThat(people.trend()).hasSize(2);
    assertThat(vm.failing()).hasSize(1);
    assertThat(vm.summaryProperty().get())
        .isEqualTo("Overall 88 · fair · 1 tables · 2 checks · 1 not passing");
    assertThat(vm.gradeProperty().get()).isEqualTo("fair");
    assertThat(vm.freshness()).hasSize(1);
    assertThat(vm.freshness().get(0).status())
        .as(vm.freshness().get(0).message())
        .isEqualTo("warn");
    assertThat(vm.freshness().get(0).message()).contains("warn after 1 hour");
  }
}

package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessTest {
  @TempDir Path dir;

  private Set<String> stale(Path root) {
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      return Staleness.stale(
          p.manifest(),
          p.compiler(false, "stale"),
          p.compiler(true, "stale"),
          p.history().lastSuccessfulHashes());
    }
  }

  @Test
  void aChangedModelAndItsDownstreamAreStaleAfterAGoodBuild() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file("models/a.sql", "select 1 as id")
            .file("models/b.sql", "select * from {{ ref('a') }}")
            .file("models/c.sql", "select 2 as id");
    assertThat(stale(f.root())).containsExactlyInAnyOrder("model.a", "model.b", "model.c");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
    }
    assertThat(stale(f.root())).isEmpty();
    f.file("models/a.sql", "select 1 as id, 'x' as extra");
    assertThat(stale(f.root())).containsExactlyInAnyOrder("model.a", "model.b");
  }

  @Test
  void anIncrementalModelIsFreshAfterTheBuildThatCreatedItAndAfterLaterOnes() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "s")
            .file("models/days.sql", "select 1 as day union all select 2")
            .file(
                "models/daily.sql",
                "{{ config(materialized='incremental', unique_key='day') }}\n"
                    + "select day from {{ ref('days') }}\n"
                    + "{% if is_incremental() %} where day >= (select max(day) from {{ this }})"
                    + " {% endif %}");
    for (int build = 1; build <= 2; build++) {
      try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
        p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      }
      assertThat(stale(f.root())).as("after build %d", build).isEmpty();
    }
    f.file(
        "models/daily.sql",
        "{{ config(materialized='incremental', unique_key='day') }}\n"
            + "select day, 1 as n from {{ ref('days') }}");
    assertThat(stale(f.root())).containsExactly("model.daily");
  }
}

package dev.sluice.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the app reads between runs, through the door: never an exception, always the problems. */
class WorkspaceTest {
  @TempDir Path dir;

  @Test
  void aProjectWithABrokenModelIsReadWithItsProblemNamed() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "w")
            .file("models/a.sql", "select 1 as id")
            .file("models/b.sql", "select * from {{ ref('missing') }}");
    Manifest m = Workspace.read(f.root());
    assertThat(m.node("model.a")).isPresent();
    assertThat(m.problems()).filteredOn(ProjectProblem::isError).isNotEmpty();
    assertThat(m.problems().stream().map(ProjectProblem::toString))
        .anyMatch(s -> s.contains("missing"));
  }

  @Test
  void staleAndHistoryFollowABuild() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "w")
            .file("models/a.sql", "select 1 as id")
            .file("models/b.sql", "select * from {{ ref('a') }}");
    Manifest before = Workspace.read(f.root());
    String db = before.project().settings().target(null).path();
    assertThat(Workspace.runs(db, 10)).hasValue(java.util.List.of());
    assertThat(Workspace.stale(before))
        .hasValueSatisfying(s -> assertThat(s).contains("model.a", "model.b"));

    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
    }
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of());
    var runs = Workspace.runs(db, 10).orElseThrow();
    assertThat(runs).hasSize(1);
    assertThat(Workspace.runNodes(db, runs.get(0).runId()))
        .extracting(n -> n.nodeId())
        .contains("model.a", "model.b");
  }
}

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

  @Test
  void loadsAreListedAndOneIsDroppedThroughTheDoor() throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "w")
            .file(
                "sources/landing.yml",
                """
                sources:
                  - name: landing
                    connector: files
                    tables:
                      - {name: orders, path: "landing/orders_*.csv", primary_key: id}
                """)
            .file("landing/orders_1.csv", "id,amount\n1,10\n2,20\n");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.LOAD, null, null, 1, false, RunListener.NONE);
    }
    f.file("landing/orders_2.csv", "id,amount\n3,30\n");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.LOAD, null, null, 1, false, RunListener.NONE);
    }
    Manifest m = Workspace.read(f.root());
    String db = m.project().settings().target(null).path();
    var loads = Workspace.loads(db, 10).orElseThrow();
    assertThat(loads)
        .extracting(l -> l.table() + " " + l.status() + " " + l.rows())
        .containsExactly("landing.orders success 1", "landing.orders success 2");

    assertThat(Workspace.dropLoad(m, loads.get(0).loadId()))
        .anyMatch(line -> line.contains("1 row") && line.contains("landing.orders"));
    try (var w = Workspace.openWarehouse(db)) {
      assertThat(
              dev.sluice.core.testing.Tables.rows(w, "select id from landing.orders order by id"))
          .extracting(r -> r.values().toString())
          .containsExactly("[1]", "[2]");
    }
    assertThat(Workspace.loads(db, 10).orElseThrow())
        .extracting(Workspace.LoadEntry::status)
        .containsExactly("dropped", "success");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Workspace.dropLoad(m, "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no successful load or run with id nope");
  }
}

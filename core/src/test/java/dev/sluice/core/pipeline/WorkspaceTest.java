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

    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.BUILD, "a", null, 1, false, RunListener.NONE);
    }
    var ofA = Workspace.nodeRuns(db, "model.a", 10).orElseThrow();
    assertThat(ofA).hasSize(2).allMatch(n -> n.nodeId().equals("model.a"));
    assertThat(ofA.get(0).startedAt()).isAfterOrEqualTo(ofA.get(1).startedAt());
    assertThat(Workspace.nodeRuns(db, "model.b", 10).orElseThrow()).hasSize(1);
  }

  @Test
  void theCatalogListsBuiltRelationsWithColumnsAndCountsAndSaysWhyWhenThereIsNone() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "w")
            .file("models/a.sql", "{{ config(materialized='table') }} select * from range(7) t(id)")
            .file(
                "models/b.sql",
                "{{ config(materialized='view') }} select id, 'x' as s from {{ ref('a') }}");
    Manifest m = Workspace.read(f.root());
    String db = m.project().settings().target(null).path();
    WarehouseTree before = Workspace.catalog(db);
    assertThat(before.relations()).isEmpty();
    assertThat(before.problem()).contains("Not built yet");
    assertThat(java.nio.file.Files.exists(Path.of(db))).as("never creates the file").isFalse();

    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
    }
    WarehouseTree after = Workspace.catalog(db);
    assertThat(after.problem()).isNull();
    WarehouseTree.Relation a =
        after.relations().stream().filter(r -> r.name().equals("a")).findFirst().orElseThrow();
    assertThat(a.kind()).isEqualTo(dev.sluice.core.warehouse.Warehouse.RelationKind.TABLE);
    assertThat(a.rows()).hasValue(7);
    assertThat(a.columns()).extracting(c -> c.name()).containsExactly("id");
    WarehouseTree.Relation b =
        after.relations().stream().filter(r -> r.name().equals("b")).findFirst().orElseThrow();
    assertThat(b.kind()).isEqualTo(dev.sluice.core.warehouse.Warehouse.RelationKind.VIEW);
    assertThat(b.rows()).isEmpty();
    assertThat(b.columns()).extracting(c -> c.name()).containsExactly("id", "s");
    assertThat(after.relations()).noneMatch(r -> r.schema().equals("_sluice"));
  }

  @Test
  void aDamagedFileIsAnEmptyCatalogThatSaysSo() throws Exception {
    Path bad = dir.resolve("bad.duckdb");
    java.nio.file.Files.writeString(bad, "this is not a database");
    WarehouseTree t = Workspace.catalog(bad.toString());
    assertThat(t.relations()).isEmpty();
    assertThat(t.problem()).contains(bad.toString());
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

  /** Sets the warehouse file and its log back a minute, as a build that ended a while ago. */
  private static void settle(String db) throws java.io.IOException {
    java.nio.file.attribute.FileTime minuteAgo =
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    for (Path p : java.util.List.of(Path.of(db), Path.of(db + ".wal"))) {
      if (java.nio.file.Files.exists(p)) {
        java.nio.file.Files.setLastModifiedTime(p, minuteAgo);
      }
    }
  }

  @Test
  void aStaleCheckAfterASaveOpensTheWarehouseOnlyWhenItsFileChanged() throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "w")
            .file("models/a.sql", "{{ config(materialized='table') }} select 1 as id")
            .file(
                "models/c.sql",
                "{{ config(materialized='incremental') }} select id from {{ ref('a') }}")
            .file("models/b.sql", "select * from {{ ref('a') }}");
    String db = Workspace.read(f.root()).project().settings().target(null).path();
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
    }
    settle(db);
    int opens = WarehouseGlance.OPENS.get();
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of());
    assertThat(WarehouseGlance.OPENS.get()).isEqualTo(opens + 1);

    // a save: the model's SQL differs from its last good build, told without opening the file
    f.file("models/b.sql", "select id, 2 as two from {{ ref('a') }}");
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of("model.b"));
    f.file("models/a.sql", "{{ config(materialized='table') }} select 7 as id");
    assertThat(Workspace.stale(Workspace.read(f.root())))
        .hasValue(java.util.Set.of("model.a", "model.b", "model.c"));
    assertThat(WarehouseGlance.OPENS.get())
        .as("answered from the last reading")
        .isEqualTo(opens + 1);

    // a build (here, or in a terminal) changes the file: the next check reads it again
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
    }
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of());
    assertThat(WarehouseGlance.OPENS.get()).isEqualTo(opens + 2);
    // just written: a write in the same tick of the clock would not show, so nothing is kept
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of());
    assertThat(WarehouseGlance.OPENS.get()).isEqualTo(opens + 3);

    // another connection drops the incremental model's table: read again, and c is stale
    settle(db);
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of());
    try (var w = dev.sluice.core.warehouse.DuckDbWarehouse.open(db)) {
      String runNodes = w.relation(dev.sluice.core.warehouse.Warehouse.META_SCHEMA, "run_nodes");
      w.jdbi().useHandle(h -> h.execute("delete from " + runNodes + " where node_id = 'model.c'"));
    }
    assertThat(Workspace.stale(Workspace.read(f.root()))).hasValue(java.util.Set.of("model.c"));
  }
}

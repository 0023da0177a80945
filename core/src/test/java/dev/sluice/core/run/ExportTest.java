package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Selector;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Project;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
  @TempDir Path dir;

  private ProjectFolder shop() {
    return ProjectFolder.sluice(dir, "x")
        .file("models/orders.sql", "select range as id, range * 10 as amount from range(5)")
        .file("models/big.sql", "select * from {{ ref('orders') }} where amount > 20")
        .file(
            "exports/exports.yml",
            """
            exports:
              - name: orders_parquet
                model: orders
                path: target/exports/orders.parquet
              - name: big_csv
                model: big
                path: target/exports/big.csv
                format: csv
                description: the big ones
            """);
  }

  private static RunSummary build(Path root, String select) {
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      return p.run(Command.BUILD, select, null, 2, false, RunListener.NONE);
    }
  }

  /** Reads a written file back with DuckDB, as its reader would. */
  private static long count(String readSql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs = c.createStatement().executeQuery("select count(*) from " + readSql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void buildWritesParquetAndCsvWithTheModelsRows() throws Exception {
    ProjectFolder f = shop();
    RunSummary s = build(f.root(), null);
    assertThat(s.failed()).isFalse();
    Path parquet = f.root().resolve("target/exports/orders.parquet");
    Path csv = f.root().resolve("target/exports/big.csv");
    assertThat(count("read_parquet('" + parquet + "')")).isEqualTo(5);
    assertThat(count("read_csv('" + csv + "')")).isEqualTo(2);
    NodeResult r =
        s.results().stream()
            .filter(x -> x.nodeId().equals("export.orders_parquet"))
            .findFirst()
            .orElseThrow();
    assertThat(r.status()).isEqualTo(NodeStatus.SUCCESS);
    assertThat(r.rows()).isEqualTo(5);
    assertThat(r.kind()).isEqualTo("export");
    assertThat(r.message()).isEqualTo("wrote parquet target/exports/orders.parquet");
    // the export runs after the model it writes out
    assertThat(s.results().stream().map(NodeResult::nodeId).toList())
        .containsSubsequence("model.orders", "export.orders_parquet");
  }

  @Test
  void buildingTwiceWritesTheSameCsv() throws Exception {
    ProjectFolder f = shop();
    build(f.root(), null);
    byte[] first = Files.readAllBytes(f.root().resolve("target/exports/big.csv"));
    build(f.root(), null);
    assertThat(Files.readAllBytes(f.root().resolve("target/exports/big.csv"))).isEqualTo(first);
    assertThat(new String(first)).startsWith("id,amount");
  }

  @Test
  void aFailedExportFailsItsNodeAndKeepsThePreviousFile() throws Exception {
    ProjectFolder f = shop();
    build(f.root(), null);
    Path csv = f.root().resolve("target/exports/big.csv");
    byte[] before = Files.readAllBytes(csv);
    // one export points at a folder; the other's model now fails, so it is skipped
    f.file(
        "exports/exports.yml",
        """
        exports:
          - name: big_csv
            model: big
            path: target/exports/big.csv
          - name: into_folder
            model: orders
            path: target/exports
        """);
    f.file(
        "models/big.sql",
        "{{ config(materialized='table') }}\nselect *, 'x'::int as broken from {{ ref('orders') }}");
    RunSummary s = build(f.root(), null);
    assertThat(s.failed()).isTrue();
    NodeResult folder = result(s, "export.into_folder");
    assertThat(folder.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(folder.message()).contains("target/exports is a folder");
    assertThat(result(s, "export.big_csv").status()).isEqualTo(NodeStatus.SKIPPED);
    assertThat(Files.readAllBytes(csv)).isEqualTo(before);
    assertThat(Files.list(csv.getParent()).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.endsWith(".partial"));
  }

  @Test
  void aCopyThatFailsInTheWarehouseKeepsThePreviousFile() throws Exception {
    ProjectFolder f = shop();
    build(f.root(), null);
    Path csv = f.root().resolve("target/exports/big.csv");
    byte[] before = Files.readAllBytes(csv);
    // an ephemeral model is queried by the export itself, so its error surfaces in the COPY
    f.file(
        "models/big.sql",
        "{{ config(materialized='ephemeral') }}\nselect id, 'x'::int as broken from {{ ref('orders') }}");
    RunSummary s = build(f.root(), "big_csv");
    NodeResult r = result(s, "export.big_csv");
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message()).containsIgnoringCase("conversion");
    assertThat(Files.readAllBytes(csv)).isEqualTo(before);
  }

  @Test
  void anUnknownModelIsAProblemAtItsLineWithTheClosestName() {
    Project p =
        ProjectFolder.sluice(dir, "x")
            .file("models/orders.sql", "select 1 as id")
            .file("exports/out.yml", "exports:\n  - name: o\n    model: ordres\n    path: o.csv\n")
            .load();
    assertThat(p.problems())
        .extracting(Object::toString)
        .containsExactly(
            "exports/out.yml:3: export 'o': model 'ordres' does not match any model, seed or snapshot;"
                + " did you mean 'orders'?");
    assertThat(p.nodesOf(Export.class)).isEmpty();
  }

  @Test
  void anUnknownFormatAndADuplicateNameAreProblems() {
    Project p =
        ProjectFolder.sluice(dir, "x")
            .file("models/orders.sql", "select 1 as id")
            .file(
                "exports/out.yml",
                """
            exports:
              - name: a
                model: orders
                path: a.csv
              - name: a
                model: orders
                path: b.csv
              - name: c
                model: orders
                path: c.xlsx
                format: xlsx
            """)
            .load();
    assertThat(p.problems())
        .extracting(Object::toString)
        .containsExactly(
            "exports/out.yml:5: export 'a' is defined twice (also at exports/out.yml:2)",
            "exports/out.yml:11: export 'c': unknown format 'xlsx'; use parquet or csv");
    Export a = p.nodesOf(Export.class).get(0);
    assertThat(a.uniqueId()).isEqualTo("export.a");
    assertThat(a.format()).isEqualTo(Export.Format.CSV);
  }

  @Test
  void selectorsReachExportsThroughTheirModel() {
    ProjectFolder f = shop();
    var m = Pipeline.parse(f.root(), PipelineOptions.defaults());
    assertThat(m.dag().parents("export.big_csv")).containsExactly("model.big");
    assertThat(Selector.select(m, "resource_type:export", null))
        .containsExactlyInAnyOrder("export.orders_parquet", "export.big_csv");
    assertThat(Selector.select(m, "+big_csv", null))
        .containsExactlyInAnyOrder("model.orders", "model.big", "export.big_csv");
    assertThat(Selector.select(m, "orders+", null))
        .contains("export.orders_parquet", "export.big_csv");
    assertThat(Selector.select(m, "orders+", "resource_type:export"))
        .containsExactlyInAnyOrder("model.orders", "model.big");
  }

  @Test
  void runBuildsModelsOnlyAndBuildWritesExports() {
    ProjectFolder f = shop();
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      assertThat(p.plan(Command.RUN, null, null).order())
          .containsExactly("model.orders", "model.big");
      assertThat(Set.copyOf(p.plan(Command.BUILD, "big_csv", null).order()))
          .containsExactly("export.big_csv");
    }
  }

  @Test
  void anExportWithADeletedFileIsStale() throws Exception {
    ProjectFolder f = shop();
    build(f.root(), null);
    Files.delete(f.root().resolve("target/exports/big.csv"));
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      assertThat(
              Staleness.stale(
                  p.manifest(), p.compiler(false, "stale"), p.history().lastSuccessfulHashes()))
          .containsExactly("export.big_csv");
    }
  }

  private static NodeResult result(RunSummary s, String id) {
    return s.results().stream().filter(x -> x.nodeId().equals(id)).findFirst().orElseThrow();
  }
}

package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesLoadTest {
  @TempDir Path dir;

  private List<NodeResult> load(ProjectFolder f) {
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return p.run(Command.LOAD, null, null, 1, false, RunListener.NONE).results();
    }
  }

  private List<String> rows(ProjectFolder f, String sql) {
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return Tables.rows(p.warehouse(), sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  private ProjectFolder project(String tables) {
    return ProjectFolder.sluice(dir, "files")
        .file(
            "sources/drop.yml",
            """
        sources:
          - name: drop
            connector: files
            tables:
        """
                + tables);
  }

  @Test
  void csvGlobJsonAndParquetLoadWithTheirTypes() {
    ProjectFolder f =
        project(
                """
              - name: sales
                path: data/sales_*.csv
              - name: events
                path: data/events.ndjson
        """)
            .file("data/sales_1.csv", "id,amount,sold_on\n1,9.5,2026-01-01\n2,3.0,2026-01-02\n")
            .file("data/sales_2.csv", "id,amount,sold_on\n3,1.25,2026-01-03\n")
            .file(
                "data/events.ndjson",
                "{\"id\": 1, \"kind\": \"click\"}\n{\"id\": 2, \"kind\": \"view\"}\n");
    assertThat(load(f))
        .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS));
    assertThat(rows(f, "select id, amount, sold_on from drop.sales order by id"))
        .containsExactly("[1, 9.5, 2026-01-01]", "[2, 3.0, 2026-01-02]", "[3, 1.25, 2026-01-03]");
    assertThat(
            rows(
                f,
                "select data_type from information_schema.columns where table_name = 'sales' and column_name = 'sold_on'"))
        .containsExactly("[DATE]");
    assertThat(rows(f, "select kind from drop.events order by id"))
        .containsExactly("[click]", "[view]");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.warehouse()
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "copy (select * from drop.sales) to '"
                          + f.root().resolve("data/sales.parquet")
                          + "' (format parquet)"));
    }
    f.file(
        "sources/drop.yml",
        "sources:\n  - name: drop\n    connector: files\n    tables:\n"
            + "      - {name: sales_copy, path: data/sales.parquet}\n");
    load(f);
    assertThat(rows(f, "select count(*), sum(amount) from drop.sales_copy"))
        .containsExactly("[3, 13.75]");
  }

  @Test
  void aMalformedCsvRowNamesTheFileAndLineAndKeepsThePreviousTable() {
    ProjectFolder f =
        project("      - {name: people, path: data/people.csv}\n")
            .file("data/people.csv", "id,name\n1,Ann\n2,Bo\n");
    load(f);
    f.file("data/people.csv", "id,name\n1,Ann\n2,Bo\n3,Cy,extra\n");
    NodeResult r = load(f).get(0);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message())
        .isEqualTo(
            "source drop.people: data/people.csv:4: expected 2 fields as in the header, found 3");
    assertThat(rows(f, "select name from drop.people order by id"))
        .containsExactly("[Ann]", "[Bo]");
  }

  @Test
  void replaceMirrorsTheSourceAndAFrozenContractRefusesNewColumns() {
    ProjectFolder f =
        project("      - {name: items, path: data/items.csv, contract: freeze}\n")
            .file("data/items.csv", "sku,qty\na,1\nb,2\n");
    load(f);
    f.file("data/items.csv", "sku,qty\nb,5\n");
    load(f);
    assertThat(rows(f, "select sku, qty from drop.items")).containsExactly("[b, 5]");
    f.file("data/items.csv", "sku,qty,colour\nb,5,red\n");
    NodeResult r = load(f).get(0);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message()).contains("new column colour VARCHAR").contains("contract is freeze");
    assertThat(rows(f, "select sku, qty from drop.items")).containsExactly("[b, 5]");
  }
}

package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a raw table follows its source's columns: added, widened, or refused with a reason. */
class SchemaEvolutionTest {
  @TempDir Path dir;
  ProjectFolder project;
  Warehouse warehouse;
  SourceLoader loader;

  @BeforeEach
  void open() {
    project =
        ProjectFolder.sluice(dir, "evolve_it")
            .file(
                "sources/files.yml",
                """
        sources:
          - name: files
            connector: files
            schema: raw
            tables:
              - {name: customers, path: data/customers.csv, primary_key: id}
              - {name: tickets, path: data/tickets.csv, primary_key: id, soft_delete: deleted}
              - {name: scores, path: data/scores.ndjson, primary_key: id}
        """);
    warehouse = DuckDbWarehouse.open(":memory:");
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private LoadReport load(String name, boolean fullRefresh) throws LoadException {
    SourceTable t = project.load().source("files", name).orElseThrow();
    return loader.load(t, new LoadOptions("run", fullRefresh));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  @Test
  void aNewSourceColumnIsAddedAndOlderRowsHaveNoValue() throws LoadException {
    project.file("data/customers.csv", "id,name\n1,ann\n2,bo\n");
    load("customers", false);
    project.file("data/customers.csv", "id,name,country\n2,bo,NO\n3,cy,DE\n");
    load("customers", false);
    assertThat(rows("select id, name, country from raw.customers order by id"))
        .containsExactly("[1, ann, null]", "[2, bo, NO]", "[3, cy, DE]");
  }

  @Test
  void anIntegerColumnWidensToDecimalValues() throws LoadException {
    project.file("data/customers.csv", "id,score\n1,5\n");
    load("customers", false);
    project.file("data/customers.csv", "id,score\n2,7.5\n");
    load("customers", false);
    assertThat(rows("select id, score from raw.customers order by id"))
        .containsExactly("[1, 5.0]", "[2, 7.5]");
  }

  @Test
  void aValueThatCannotWidenGoesToAVariantColumnAndTheColumnKeepsItsType() throws LoadException {
    project.file("data/customers.csv", "id,joined\n1,2026-01-01\n");
    load("customers", false);
    project.file("data/customers.csv", "id,joined\n2,true\n");
    assertThat(load("customers", false).message())
        .contains("1 value of joined did not fit DATE and went to joined__v_bool");
    assertThat(rows("select id, joined, joined__v_bool from raw.customers order by id"))
        .containsExactly("[1, 2026-01-01, null]", "[2, null, true]");

    load("customers", true);
    assertThat(rows("select id, joined from raw.customers")).containsExactly("[2, true]");
  }

  @Test
  void aSoftDeletedRowLeavesTheMergedTable() throws LoadException {
    project.file("data/tickets.csv", "id,title,deleted\n1,a,false\n2,b,false\n");
    load("tickets", false);
    project.file("data/tickets.csv", "id,title,deleted\n2,b,true\n3,c,false\n");
    load("tickets", false);
    assertThat(rows("select id, title from raw.tickets order by id"))
        .containsExactly("[1, a]", "[3, c]");
  }

  @Test
  void aFieldThatIsNullInEveryNewRecordKeepsItsType() throws LoadException {
    project.file("data/scores.ndjson", "{\"id\": 1, \"score\": 5}\n");
    load("scores", false);
    project.file("data/scores.ndjson", "{\"id\": 2, \"score\": null}\n");
    load("scores", false);
    assertThat(rows("select id, score from raw.scores order by id"))
        .containsExactly("[1, 5]", "[2, null]");
    assertThat(
            rows(
                "select data_type from information_schema.columns where table_name = 'scores' and column_name = 'score'"))
        .containsExactly("[BIGINT]");
  }
}

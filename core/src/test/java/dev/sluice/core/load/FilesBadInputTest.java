package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * Files that cannot be loaded as they are: each refused with the source, table, file and line, and
 * the raw table left as it was.
 */
class FilesBadInputTest {
  @TempDir Path dir;
  Warehouse warehouse;
  SourceLoader loader;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString());
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private ProjectFolder project(String table) {
    return ProjectFolder.sluice(dir, "bad")
        .file(
            "sources/landing.yml",
            """
            sources:
              - name: landing
                connector: files
                tables:
                  - %s
            """
                .formatted(table));
  }

  private LoadReport load(ProjectFolder p, String table) throws LoadException {
    SourceTable t = p.load().source("landing", table).orElseThrow();
    return loader.load(t, new LoadOptions("run", false));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  @Test
  void aFileThatIsNotValidJsonIsNamedWithItsLine() throws LoadException {
    ProjectFolder p =
        project("{name: events, path: \"landing/events_*.json\", write_disposition: append}")
            .file("landing/events_1.json", "{\"id\": 1, \"kind\": \"a\"}\n");
    load(p, "events");
    p.file(
        "landing/events_2.json",
        "{\"id\": 2, \"kind\": \"b\"}\n{\"id\": 3, \"kind\": \"c\"}\n{\"id\": 4, \"kind\" \"d\"}\n");
    assertThatThrownBy(() -> load(p, "events"))
        .isInstanceOf(LoadException.class)
        .hasMessageStartingWith("source landing.events: landing/events_2.json:3: not valid JSON")
        .hasMessageNotContaining("read_json")
        .hasMessageNotContaining("LINE 1");
    assertThat(rows("select id from landing.events")).containsExactly("[1]");
  }

  @Test
  void aCsvWithoutItsHeaderRowIsRefusedNamingTheFileAndTheTablesColumns() throws LoadException {
    ProjectFolder p =
        project("{name: orders, path: \"landing/orders_*.csv\", primary_key: id}")
            .file("landing/orders_1.csv", "id,amount\n1,10\n2,20\n");
    load(p, "orders");
    p.file("landing/orders_2.csv", "3,30\n4,40\n");
    assertThatThrownBy(() -> load(p, "orders"))
        .isInstanceOf(LoadException.class)
        .hasMessage(
            "source landing.orders: landing/orders_2.csv:1: the header (3, 30) shares no column"
                + " with the table landing.orders (id, amount); is the header row missing, or is"
                + " the file in the wrong folder?");
    assertThat(
            rows(
                "select column_name from information_schema.columns"
                    + " where table_name = 'orders' and column_name not like '\\_sluice%' escape '\\'"))
        .containsExactly("[id]", "[amount]");
    assertThat(rows("select count(*) from landing.orders")).containsExactly("[2]");
  }

  @Test
  void aCsvWhoseHeaderRenamesAColumnIsRefusedByAFrozenContract() throws LoadException {
    ProjectFolder p =
        project(
                "{name: orders, path: \"landing/orders_*.csv\", primary_key: id,"
                    + " contract: {columns: freeze}}")
            .file("landing/orders_1.csv", "id,amount\n1,10\n");
    load(p, "orders");
    p.file("landing/orders_2.csv", "id,amt\n2,20\n");
    assertThatThrownBy(() -> load(p, "orders"))
        .isInstanceOf(LoadException.class)
        .hasMessageStartingWith("source landing.orders: landing/orders_2.csv: new column amt")
        .hasMessageContaining("freeze");
    assertThat(rows("select id, amount from landing.orders")).containsExactly("[1, 10]");
  }
}

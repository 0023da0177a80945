package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Project;
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

/** Nested JSON records: STRUCT and LIST kept, JSON past max_nesting, or child tables. */
class NestedRecordsTest {
  @TempDir Path dir;
  Warehouse warehouse;
  SourceLoader loader;

  static final String ORDERS =
      """
      [{"id": 1, "customer": {"name": "ann", "city": "Oslo"},
        "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}], "tags": ["x", "y"]},
       {"id": 2, "customer": {"name": "bo", "city": "Rome"}, "items": [], "tags": ["z"]}]
      """;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString());
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private Project project(String extra) {
    return ProjectFolder.sluice(dir, "nested")
        .file(
            "sources/api.yml",
            """
            sources:
              - name: api
                connector: files
                tables:
                  - {name: orders, path: "drops/orders_*.json", primary_key: id%s}
            """
                .formatted(extra))
        .file("drops/orders_1.json", ORDERS)
        .load();
  }

  private LoadReport load(Project p) throws LoadException {
    return loader.load(p.source("api", "orders").orElseThrow(), new LoadOptions("run", false));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  private List<String> types(String table) {
    return rows(
        "select column_name || ' ' || data_type from information_schema.columns where"
            + " table_name = '"
            + table
            + "' and not starts_with(column_name, '_sluice_load') order by ordinal_position");
  }

  @Test
  void nestedRecordsKeepStructAndListTypesByDefault() throws LoadException {
    load(project(""));
    assertThat(types("orders"))
        .contains(
            "[customer STRUCT(\"name\" VARCHAR, city VARCHAR)]",
            "[items STRUCT(sku VARCHAR, qty BIGINT)[]]",
            "[tags VARCHAR[]]");
    assertThat(rows("select customer.city, items[1].sku from api.orders where id = 1"))
        .containsExactly("[Oslo, a]");
  }

  @Test
  void columnsNestedDeeperThanMaxNestingAreKeptAsJson() throws LoadException {
    load(project(", max_nesting: 1"));
    assertThat(types("orders"))
        .contains(
            "[customer STRUCT(\"name\" VARCHAR, city VARCHAR)]",
            "[items JSON]",
            "[tags VARCHAR[]]");
    assertThat(rows("select items->>'$[1].sku' from api.orders where id = 1"))
        .containsExactly("[b]");
  }

  @Test
  void childTablesTakeTheListsLinkedToTheirParentRows() throws LoadException {
    Project p = project(", normalize: child_tables");
    LoadReport r = load(p);
    assertThat(r.message()).contains("3 elements of tags into orders__tags");
    assertThat(types("orders")).noneMatch(t -> t.contains("items") || t.contains("tags"));
    assertThat(
            rows(
                "select o.id, i._sluice_list_idx, i.sku, i.qty from api.orders o join"
                    + " api.orders__items i on i._sluice_parent_id = o._sluice_row_id order by 1, 2"))
        .containsExactly("[1, 1, a, 2]", "[1, 2, b, 1]");
    assertThat(
            rows(
                "select o.id, t.value from api.orders o join api.orders__tags t"
                    + " on t._sluice_parent_id = o._sluice_row_id order by 1, 2"))
        .containsExactly("[1, x]", "[1, y]", "[2, z]");

    // a changed parent replaces its elements; the other parent keeps its own
    ProjectFolder.sluice(dir, "nested")
        .file(
            "drops/orders_2.json",
            "[{\"id\": 1, \"customer\": {\"name\": \"ann\", \"city\": \"Oslo\"},"
                + " \"items\": [{\"sku\": \"c\", \"qty\": 5}], \"tags\": []}]");
    load(p);
    assertThat(
            rows(
                "select o.id, i.sku from api.orders o join api.orders__items i"
                    + " on i._sluice_parent_id = o._sluice_row_id order by 1, 2"))
        .containsExactly("[1, c]");
    assertThat(rows("select count(*) from api.orders__tags")).containsExactly("[1]");
  }

  @Test
  void droppingALoadTakesItsChildRowsToo() throws LoadException {
    Project p = project(", normalize: child_tables, write_disposition: append");
    LoadReport r = load(p);
    LoadBatches.drop(warehouse, p, r.loadId());
    assertThat(rows("select count(*) from api.orders")).containsExactly("[0]");
    assertThat(rows("select count(*) from api.orders__items")).containsExactly("[0]");
    assertThat(rows("select count(*) from api.orders__tags")).containsExactly("[0]");
  }

  @Test
  void theDepthOfATypeCountsItsNesting() {
    assertThat(Nesting.depth("BIGINT")).isZero();
    assertThat(Nesting.depth("VARCHAR[]")).isEqualTo(1);
    assertThat(Nesting.depth("STRUCT(\"name\" VARCHAR, city VARCHAR)")).isEqualTo(1);
    assertThat(Nesting.depth("STRUCT(sku VARCHAR, qty BIGINT)[]")).isEqualTo(2);
    assertThat(Nesting.depth("STRUCT(a STRUCT(b INTEGER[]), \"c, d\" DECIMAL(10,2))")).isEqualTo(3);
  }
}

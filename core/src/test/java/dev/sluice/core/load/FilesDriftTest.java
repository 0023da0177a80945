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

/** Files that drift from one drop to the next: new columns, bad values, removed columns. */
class FilesDriftTest {
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

  private ProjectFolder project(String tableSettings) {
    return ProjectFolder.sluice(dir, "drift")
        .file(
            "sources/landing.yml",
            """
            sources:
              - name: landing
                connector: files
                tables:
                  - {name: orders, path: "landing/orders_*.csv", primary_key: id, cursor: updated_at%s}
            """
                .formatted(tableSettings));
  }

  private LoadReport load(ProjectFolder p) throws LoadException {
    SourceTable t = p.load().source("landing", "orders").orElseThrow();
    return loader.load(t, new LoadOptions("run", false));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  private String type(String column) {
    return rows("select data_type from information_schema.columns where table_schema = 'landing'"
            + " and table_name = 'orders' and column_name = '"
            + column
            + "'")
        .get(0)
        .replaceAll("[\\[\\]]", "");
  }

  private static final String FIRST =
      "id,amount,updated_at\n1,10,2026-01-01 10:00:00\n2,20,2026-01-01 11:00:00\n";
  private static final String SECOND =
      "id,amount,channel,updated_at\n3,30,web,2026-01-02 10:00:00\n4,40,shop,2026-01-02 11:00:00\n";

  @Test
  void aNewColumnInALaterFileIsAddedByNameAndTheReportSaysSo() throws LoadException {
    ProjectFolder p = project("").file("landing/orders_1.csv", FIRST);
    load(p);
    p.file("landing/orders_2.csv", SECOND);
    LoadReport r = load(p);
    assertThat(rows("select id, amount, channel from landing.orders order by id"))
        .containsExactly("[1, 10, null]", "[2, 20, null]", "[3, 30, web]", "[4, 40, shop]");
    assertThat(r.message()).contains("new column channel");
  }

  @Test
  void aNewColumnUnderAFrozenContractStopsTheLoadNamingFileAndColumn() throws LoadException {
    ProjectFolder p = project(", contract: freeze").file("landing/orders_1.csv", FIRST);
    load(p);
    p.file("landing/orders_2.csv", SECOND);
    assertThatThrownBy(() -> load(p))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("landing.orders")
        .hasMessageContaining("orders_2.csv")
        .hasMessageContaining("channel");
    assertThat(rows("select count(*) from landing.orders")).containsExactly("[2]");
  }

  @Test
  void aBadValueGoesToAVariantColumnAndTheColumnKeepsItsType() throws LoadException {
    ProjectFolder p = project("").file("landing/orders_1.csv", FIRST);
    load(p);
    assertThat(type("amount")).isEqualTo("BIGINT");
    p.file(
        "landing/orders_2.csv",
        "id,amount,updated_at\n5,oops,2026-01-03 10:00:00\n6,60,2026-01-03 11:00:00\n");
    LoadReport r = load(p);
    assertThat(type("amount")).isEqualTo("BIGINT");
    assertThat(rows("select id, amount, amount__v_text from landing.orders order by id"))
        .containsExactly("[1, 10, null]", "[2, 20, null]", "[5, null, oops]", "[6, 60, null]");
    assertThat(r.message()).contains("1 value of amount").contains("amount__v_text");
  }

  @Test
  void discardRowRejectsTheRowAndCountsIt() throws LoadException {
    ProjectFolder p =
        project(", contract: {data_type: discard_row}").file("landing/orders_1.csv", FIRST);
    load(p);
    p.file(
        "landing/orders_2.csv",
        "id,amount,updated_at\n5,oops,2026-01-03 10:00:00\n6,60,2026-01-03 11:00:00\n");
    LoadReport r = load(p);
    assertThat(rows("select id, amount from landing.orders order by id"))
        .containsExactly("[1, 10]", "[2, 20]", "[6, 60]");
    assertThat(r.message()).contains("1 row rejected");
  }

  @Test
  void discardValueKeepsTheRowWithoutTheValue() throws LoadException {
    ProjectFolder p =
        project(", contract: {data_type: discard_value}").file("landing/orders_1.csv", FIRST);
    load(p);
    p.file("landing/orders_2.csv", "id,amount,updated_at\n5,oops,2026-01-03 10:00:00\n");
    load(p);
    assertThat(rows("select id, amount from landing.orders where id = 5"))
        .containsExactly("[5, null]");
    assertThat(type("amount")).isEqualTo("BIGINT");
  }

  @Test
  void aBadValueUnderAFrozenDataTypeStopsTheLoadNamingTheColumn() throws LoadException {
    ProjectFolder p =
        project(", contract: {data_type: freeze}").file("landing/orders_1.csv", FIRST);
    load(p);
    p.file("landing/orders_2.csv", "id,amount,updated_at\n5,oops,2026-01-03 10:00:00\n");
    assertThatThrownBy(() -> load(p))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("amount")
        .hasMessageContaining("BIGINT")
        .hasMessageContaining("orders_2.csv");
    assertThat(rows("select count(*) from landing.orders")).containsExactly("[2]");
  }

  @Test
  void driftAcrossThreeFilesNewColumnBadValueRemovedColumn() throws LoadException {
    ProjectFolder p = project("").file("landing/orders_1.csv", FIRST);
    load(p);
    p.file("landing/orders_2.csv", SECOND);
    load(p);
    p.file("landing/orders_3.csv", "id,amount,updated_at\n7,oops,2026-01-04 10:00:00\n");
    load(p);
    assertThat(type("amount")).isEqualTo("BIGINT");
    assertThat(rows("select id, amount, channel, amount__v_text from landing.orders order by id"))
        .containsExactly(
            "[1, 10, null, null]",
            "[2, 20, null, null]",
            "[3, 30, web, null]",
            "[4, 40, shop, null]",
            "[7, null, null, oops]");
  }
}

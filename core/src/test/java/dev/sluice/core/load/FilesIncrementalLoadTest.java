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
 * The loader driven directly (as the executor does) over files: load records, cursors, appends,
 * errors.
 */
class FilesIncrementalLoadTest {
  @TempDir Path dir;
  ProjectFolder project;
  Warehouse warehouse;
  SourceLoader loader;

  @BeforeEach
  void open() {
    project =
        ProjectFolder.sluice(dir, "files_it")
            .file(
                "sources/files.yml",
                """
        sources:
          - name: files
            connector: files
            schema: raw_files
            tables:
              - {name: orders, path: data/orders.csv, primary_key: id, cursor: updated_at}
              - {name: events, path: "data/events_*.csv", write_disposition: append}
              - {name: people, path: data/people.ndjson}
              - {name: prices, path: data/prices.parquet}
        """);
    warehouse = DuckDbWarehouse.open(":memory:");
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private SourceTable table(String name) {
    return project.load().source("files", name).orElseThrow();
  }

  private LoadReport load(String name) throws LoadException {
    return loader.load(table(name), new LoadOptions("run-1", false));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  @Test
  void aCsvLoadCarriesItsLoadIdAndIsRecorded() throws LoadException {
    project.file(
        "data/orders.csv",
        "id,amount,updated_at\n1,10.5,2026-01-01 10:00:00\n2,20,2026-01-01 11:00:00\n");
    LoadReport r = load("orders");
    assertThat(r.rowsLoaded()).isEqualTo(2);
    assertThat(r.cursorAfter()).isEqualTo("2026-01-01 11:00:00");
    assertThat(
            rows(
                "select id, amount, _sluice_load_id = '"
                    + r.loadId()
                    + "' from raw_files.orders order by id"))
        .containsExactly("[1, 10.5, true]", "[2, 20.0, true]");
    assertThat(
            rows(
                "select source, table_name, rows, status, cursor_before, cursor_after from _sluice.loads"))
        .containsExactly("[files, orders, 2, success, null, 2026-01-01 11:00:00]");
  }

  @Test
  void anIncrementalFileLoadTakesOnlyRowsPastTheCursorAndARerunChangesNothing()
      throws LoadException {
    project.file(
        "data/orders.csv",
        "id,amount,updated_at\n1,10.5,2026-01-01 10:00:00\n2,20,2026-01-01 11:00:00\n");
    load("orders");
    project.file(
        "data/orders.csv",
        "id,amount,updated_at\n1,10.5,2026-01-01 10:00:00\n2,25,2026-01-02 08:00:00\n"
            + "3,7,2026-01-02 09:00:00\n");
    assertThat(load("orders").rowsLoaded()).isEqualTo(2);
    assertThat(rows("select id, amount from raw_files.orders order by id"))
        .containsExactly("[1, 10.5]", "[2, 25.0]", "[3, 7.0]");
    List<String> before = rows("select * from raw_files.orders order by id");
    assertThat(load("orders").rowsLoaded()).isZero();
    assertThat(rows("select * from raw_files.orders order by id")).isEqualTo(before);
  }

  @Test
  void aGlobAppendsEveryMatchingFileOnce() throws LoadException {
    project
        .file("data/events_1.csv", "id,kind\n1,click\n2,view\n")
        .file("data/events_2.csv", "id,kind\n3,click\n");
    assertThat(load("events").rowsLoaded()).isEqualTo(3);
    assertThat(load("events").rowsLoaded()).isZero();
    assertThat(rows("select count(*), count(distinct id) from raw_files.events"))
        .containsExactly("[3, 3]");
  }

  @Test
  void aMissingFileIsNamedWithItsSource() {
    assertThatThrownBy(() -> load("prices"))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("source files.prices")
        .hasMessageContaining("prices.parquet");
  }

  @Test
  void aRaggedRowPastTheSniffedRowsIsNamedByLineToo() {
    StringBuilder csv = new StringBuilder("id,kind\n");
    for (int i = 1; i <= 30_000; i++) {
      csv.append(i).append(",click\n");
    }
    csv.append("30001,click,extra\n");
    project.file("data/events_1.csv", csv.toString());
    assertThatThrownBy(() -> load("events"))
        .isInstanceOf(LoadException.class)
        .hasMessage(
            "source files.events: data/events_1.csv:30002: expected 2 fields as in the header, found 3");
  }
}

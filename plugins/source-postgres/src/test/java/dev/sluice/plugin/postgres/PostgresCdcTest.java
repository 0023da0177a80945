package dev.sluice.plugin.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.load.LoadOptions;
import dev.sluice.core.load.LoadReport;
import dev.sluice.core.load.SourceLoader;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Services;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change data capture from the real PostgreSQL server (wal_level = logical): a snapshot, then
 * inserts, updates and deletes applied by key, and a load stopped mid-stream resumed without loss
 * or duplicates.
 */
class PostgresCdcTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  @TempDir Path dir;
  Warehouse warehouse;
  SourceLoader loader;

  static void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  static List<String> source(String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private static void dropSlots() throws SQLException {
    sql(
        "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
            + " where slot_name like 'sluice_cdc_it_%' and not active",
        "drop publication if exists sluice_cdc_it_orders",
        "drop schema if exists sluice_it_cdc cascade");
  }

  @BeforeEach
  void open() throws SQLException {
    Services.requirePostgres();
    dropSlots();
    sql(
        "create schema sluice_it_cdc",
        "create table sluice_it_cdc.orders (id int primary key, customer text,"
            + " amount numeric(10,2), placed timestamp, paid boolean)",
        "insert into sluice_it_cdc.orders values (1, 'ann', 10.50, '2026-01-01 10:00', true),"
            + " (2, 'bo', 20.00, '2026-01-01 11:00', false), (3, 'cy', 5.25, null, null)");
    warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString());
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() throws SQLException {
    warehouse.close();
    dropSlots();
  }

  private SourceTable table(String extra) {
    return ProjectFolder.sluice(dir, "cdc")
        .file(
            "sources/shop.yml",
            """
            sources:
              - name: cdc_it
                connector: postgres
                schema: raw_cdc
                connection: {host: 127.0.0.1, database: test, user: postgres, schema: sluice_it_cdc}
                tables:
                  - {name: orders, primary_key: id, extraction: cdc%s}
            """
                .formatted(extra))
        .load()
        .source("cdc_it", "orders")
        .orElseThrow();
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  @Test
  void aSnapshotThenInsertsUpdatesAndDeletesAreAppliedByKey() throws Exception {
    SourceTable t = table("");
    LoadReport first = loader.load(t, new LoadOptions("r1", false));
    assertThat(first.rowsLoaded()).isEqualTo(3);
    assertThat(rows("select id, customer, amount, placed, paid from raw_cdc.orders order by id"))
        .containsExactly(
            "[1, ann, 10.50, 2026-01-01 10:00:00.0, true]",
            "[2, bo, 20.00, 2026-01-01 11:00:00.0, false]",
            "[3, cy, 5.25, null, null]");

    sql(
        "insert into sluice_it_cdc.orders values (4, 'di', 7.00, '2026-01-03 09:00', true)",
        "update sluice_it_cdc.orders set amount = 22.00, paid = true where id = 2",
        "delete from sluice_it_cdc.orders where id = 3",
        "begin; update sluice_it_cdc.orders set amount = 1 where id = 4;"
            + " update sluice_it_cdc.orders set amount = 8.00 where id = 4; commit");
    LoadReport second = loader.load(t, new LoadOptions("r2", false));
    assertThat(Long.parseLong(second.cursorAfter()))
        .isGreaterThan(Long.parseLong(first.cursorAfter()));
    assertThat(rows("select id, customer, amount, paid from raw_cdc.orders order by id"))
        .containsExactly("[1, ann, 10.50, true]", "[2, bo, 22.00, true]", "[4, di, 8.00, true]");
    assertThat(rows("select cursor_column, cursor_value from _sluice.load_state"))
        .containsExactly("[_sluice_lsn, " + second.cursorAfter() + "]");

    List<String> before = rows("select * from raw_cdc.orders order by id");
    LoadReport third = loader.load(t, new LoadOptions("r3", false));
    assertThat(third.rowsLoaded()).isZero();
    assertThat(rows("select * from raw_cdc.orders order by id")).isEqualTo(before);
  }

  @Test
  void softDeleteKeepsTheDeletedRowMarked() throws Exception {
    SourceTable t = table(", soft_delete: true");
    loader.load(t, new LoadOptions("r1", false));
    sql("delete from sluice_it_cdc.orders where id = 1");
    loader.load(t, new LoadOptions("r2", false));
    assertThat(rows("select id, _sluice_deleted from raw_cdc.orders order by id"))
        .containsExactly("[1, true]", "[2, false]", "[3, false]");
  }

  @Test
  void aLoadStoppedMidStreamResumesWithoutLossOrDuplicates() throws Exception {
    SourceTable t = table("");
    loader.load(t, new LoadOptions("r1", false));
    // 400 transactions of 50 changes each
    sql(
        "do $$ begin for i in 1..400 loop"
            + " insert into sluice_it_cdc.orders select g, 'c' || g, g, now(), g % 2 = 0"
            + " from generate_series(1000 + i * 50, 1000 + i * 50 + 49) g;"
            + " update sluice_it_cdc.orders set amount = amount + 1 where id = 1;"
            + " commit; end loop; end $$");
    String cursorBefore =
        rows("select cursor_value from _sluice.load_state").get(0).replaceAll("[\\[\\]]", "");
    CompletableFuture<Object> interrupted =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return loader.load(t, new LoadOptions("r2", false));
              } catch (LoadException e) {
                return e;
              }
            });
    // stop it while it streams: the slot is active once the stream has started
    long deadline = System.currentTimeMillis() + 20_000;
    while (source(
                "select 1 from pg_replication_slots where slot_name = 'sluice_cdc_it_orders'"
                    + " and active")
            .isEmpty()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    loader.cancel();
    Object outcome = interrupted.get(30, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(LoadException.class);
    assertThat(rows("select cursor_value from _sluice.load_state"))
        .containsExactly("[" + cursorBefore + "]");

    SourceLoader again = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
    again.load(t, new LoadOptions("r3", false));
    assertThat(rows("select count(*), count(distinct id), sum(amount) from raw_cdc.orders"))
        .containsExactly(
            source("select count(*), count(distinct id), sum(amount) from sluice_it_cdc.orders")
                .get(0));
    assertThat(rows("select amount from raw_cdc.orders where id = 1")).containsExactly("[410.50]");
  }

  @Test
  void aLoadProcessKilledMidStreamResumesWithoutLossOrDuplicates() throws Exception {
    table(""); // writes the project
    Path project = dir;
    java.io.StringWriter err = new java.io.StringWriter();
    assertThat(
            dev.sluice.core.cli.Main.execute(
                new String[] {"load", "--project", project.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err)))
        .as(err.toString())
        .isZero();
    sql(
        "do $$ begin for i in 1..600 loop"
            + " insert into sluice_it_cdc.orders select g, 'c' || g, g, now(), true"
            + " from generate_series(1000 + i * 50, 1000 + i * 50 + 49) g;"
            + " update sluice_it_cdc.orders set amount = amount + 1 where id = 1;"
            + " commit; end loop; end $$");
    Path db = project.resolve("target/cdc.duckdb");
    String before = cursor(db);
    Process load =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sluice.core.cli.Main",
                "load",
                "--project",
                project.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed.log").toFile())
            .start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (source(
                "select 1 from pg_replication_slots where slot_name = 'sluice_cdc_it_orders'"
                    + " and active")
            .isEmpty()
        && load.isAlive()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    load.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no rollback, no cleanup
    org.junit.jupiter.api.Assumptions.assumeTrue(
        before.equals(cursor(db)), "the load finished before it could be killed");

    assertThat(
            dev.sluice.core.cli.Main.execute(
                new String[] {"load", "--project", project.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err)))
        .as(err.toString())
        .isZero();
    try (Warehouse w = DuckDbWarehouse.open(db.toString())) {
      assertThat(
              Tables.rows(w, "select count(*), count(distinct id), sum(amount) from raw_cdc.orders")
                  .stream()
                  .map(r -> r.values().toString())
                  .toList())
          .containsExactly(
              source("select count(*), count(distinct id), sum(amount) from sluice_it_cdc.orders")
                  .get(0));
    }
  }

  private static String cursor(Path db) {
    try (Warehouse w = DuckDbWarehouse.open(db.toString())) {
      return Tables.rows(w, "select cursor_value from _sluice.load_state").toString();
    }
  }
}

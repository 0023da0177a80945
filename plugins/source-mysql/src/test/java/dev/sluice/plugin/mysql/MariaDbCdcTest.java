package dev.sluice.plugin.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change data capture from the real MariaDB server's binary log (log_bin on, binlog_format ROW): a
 * snapshot, then inserts, updates and deletes applied by key, and a load process killed mid-stream
 * resumed without loss or duplicates.
 */
class MariaDbCdcTest {
  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";
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

  @BeforeEach
  void open() throws SQLException {
    Services.requireMariaDb();
    sql(
        "drop table if exists sluice_it_cdc_orders",
        "create table sluice_it_cdc_orders (id int primary key, customer varchar(20),"
            + " amount decimal(10,2), placed datetime null, paid boolean,"
            + " size enum('s','m','l'), qty smallint)",
        "insert into sluice_it_cdc_orders values (1, 'ann', 10.50, '2026-01-01 10:00:00', true,"
            + " 's', 1), (2, 'bo', 20.00, '2026-01-01 11:00:00', false, 'm', 2),"
            + " (3, 'cy', 5.25, null, null, null, null)");
    warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString());
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() throws SQLException {
    if (warehouse != null) {
      warehouse.close();
    }
    sql("drop table if exists sluice_it_cdc_orders");
  }

  private SourceTable table(String extra) {
    return ProjectFolder.sluice(dir, "cdc")
        .file(
            "sources/shop.yml",
            """
            sources:
              - name: mcdc_it
                connector: mysql
                schema: raw_mcdc
                connection: {host: 127.0.0.1, port: 3306, database: test, user: root}
                tables:
                  - {name: orders, table: sluice_it_cdc_orders, primary_key: id, extraction: cdc%s}
            """
                .formatted(extra))
        .load()
        .source("mcdc_it", "orders")
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
    String select = "select id, customer, amount, placed, paid, size, qty from raw_mcdc.orders";
    assertThat(rows(select + " order by id"))
        .containsExactly(
            "[1, ann, 10.50, 2026-01-01 10:00:00.0, true, s, 1]",
            "[2, bo, 20.00, 2026-01-01 11:00:00.0, false, m, 2]",
            "[3, cy, 5.25, null, null, null, null]");

    sql(
        "insert into sluice_it_cdc_orders values (4, 'di', 7.00, '2026-01-03 09:00:00', true,"
            + " 'l', 4)",
        "update sluice_it_cdc_orders set amount = 22.00, paid = true where id = 2",
        "delete from sluice_it_cdc_orders where id = 3",
        "begin not atomic start transaction;"
            + " update sluice_it_cdc_orders set amount = 1 where id = 4;"
            + " update sluice_it_cdc_orders set amount = 8.00 where id = 4; commit; end");
    LoadReport second = loader.load(t, new LoadOptions("r2", false));
    assertThat(Long.parseLong(second.cursorAfter()))
        .isGreaterThan(Long.parseLong(first.cursorAfter()));
    // what the loader holds is what the server holds, value for value
    assertThat(rows(select + " order by id"))
        .containsExactly(
            "[1, ann, 10.50, 2026-01-01 10:00:00.0, true, s, 1]",
            "[2, bo, 22.00, 2026-01-01 11:00:00.0, true, m, 2]",
            "[4, di, 8.00, 2026-01-03 09:00:00.0, true, l, 4]");
    assertThat(rows("select cursor_column, cursor_value from _sluice.load_state"))
        .containsExactly("[_sluice_lsn, " + second.cursorAfter() + "]");

    List<String> before = rows("select * from raw_mcdc.orders order by id");
    LoadReport third = loader.load(t, new LoadOptions("r3", false));
    assertThat(third.rowsLoaded()).isZero();
    assertThat(rows("select * from raw_mcdc.orders order by id")).isEqualTo(before);
  }

  @Test
  void softDeleteKeepsTheDeletedRowMarked() throws Exception {
    SourceTable t = table(", soft_delete: true");
    loader.load(t, new LoadOptions("r1", false));
    sql("delete from sluice_it_cdc_orders where id = 1");
    loader.load(t, new LoadOptions("r2", false));
    assertThat(rows("select id, _sluice_deleted from raw_mcdc.orders order by id"))
        .containsExactly("[1, true]", "[2, false]", "[3, false]");
  }

  @Test
  void aServerWithoutRowBinlogIsNamedWithWhatToSet() throws Exception {
    Map<String, String> vars;
    try (Connection c = DriverManager.getConnection(URL)) {
      vars = new LinkedHashMap<>(MySqlCdc.binlogVariables(c));
    }
    MySqlCdc.requireBinlog("shop.orders", vars); // this server is set up for it
    vars.put("log_bin", "OFF");
    vars.put("binlog_format", "MIXED");
    assertThatThrownBy(() -> MySqlCdc.requireBinlog("shop.orders", vars))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("source shop.orders")
        .hasMessageContaining("binlog_format is MIXED, log_bin is OFF")
        .hasMessageContaining("binlog_format = ROW")
        .hasMessageContaining("restart");
  }

  @Test
  void aLoadProcessKilledMidStreamResumesWithoutLossOrDuplicates() throws Exception {
    table(""); // writes the project
    warehouse.close();
    warehouse = null;
    Path project = dir;
    StringWriter err = new StringWriter();
    assertThat(cli(project, err)).as(err.toString()).isZero();
    // 600 transactions of 50 changes each, and an update of one row in each
    sql(
        "create or replace procedure sluice_it_cdc_fill() begin declare i int default 1;"
            + " while i <= 600 do start transaction;"
            + " insert into sluice_it_cdc_orders (id, customer, amount, paid)"
            + " select 1000 + i * 50 + seq, concat('c', seq), seq, true from seq_0_to_49;"
            + " update sluice_it_cdc_orders set amount = amount + 1 where id = 1;"
            + " commit; set i = i + 1; end while; end",
        "call sluice_it_cdc_fill()",
        "drop procedure sluice_it_cdc_fill");
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
    // kill it while it reads the binary log: its replication connection shows in the processlist
    long deadline = System.currentTimeMillis() + 60_000;
    while (source("select 1 from information_schema.processlist where command like 'Binlog Dump%'")
            .isEmpty()
        && load.isAlive()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    load.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no rollback, no cleanup
    org.junit.jupiter.api.Assumptions.assumeTrue(
        before.equals(cursor(db)), "the load finished before it could be killed");

    assertThat(cli(project, err)).as(err.toString()).isZero();
    try (Warehouse w = DuckDbWarehouse.open(db.toString())) {
      assertThat(
              Tables.rows(
                      w, "select count(*), count(distinct id), sum(amount) from raw_mcdc.orders")
                  .stream()
                  .map(r -> r.values().toString())
                  .toList())
          .containsExactly(
              source("select count(*), count(distinct id), sum(amount) from sluice_it_cdc_orders")
                  .get(0));
      assertThat(
              Tables.rows(w, "select amount from raw_mcdc.orders where id = 1").stream()
                  .map(r -> r.values().toString())
                  .toList())
          .containsExactly("[610.50]");
    }
  }

  private static int cli(Path project, StringWriter err) {
    return dev.sluice.core.cli.Main.execute(
        new String[] {"load", "--project", project.toString()},
        new PrintWriter(new StringWriter()),
        new PrintWriter(err));
  }

  private static String cursor(Path db) {
    try (Warehouse w = DuckDbWarehouse.open(db.toString())) {
      return Tables.rows(w, "select cursor_value from _sluice.load_state").toString();
    }
  }
}

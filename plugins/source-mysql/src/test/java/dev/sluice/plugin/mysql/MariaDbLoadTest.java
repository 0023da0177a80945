package dev.sluice.plugin.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Services;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads from the real MariaDB server on 127.0.0.1:3306, database test, tables named sluice_it_*.
 */
class MariaDbLoadTest {
  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";
  @TempDir Path dir;
  ProjectFolder project;

  void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @BeforeEach
  void source() throws SQLException {
    Services.requireMariaDb();
    drop();
    sql(
        "create table sluice_it_orders (id int primary key, customer varchar(20), amount decimal(10,2),"
            + " updated_at datetime null, shipped boolean)",
        "insert into sluice_it_orders values (1, 'ann', 10.50, '2026-01-01 10:00:00', true),"
            + " (2, 'bo', 20.00, '2026-01-01 11:00:00', false), (3, 'cy', 5.25, '2026-01-02 09:00:00', null)",
        "create table sluice_it_control (fail boolean)",
        "insert into sluice_it_control values (false)",
        "create table sluice_it_seq (n int primary key)",
        "insert into sluice_it_seq select seq from seq_1_to_25000",
        // raises an error on row 20,000 while the rows before it are already streaming
        "create function sluice_it_check(n int) returns int reads sql data begin"
            + " if n = 20000 and (select fail from sluice_it_control) then signal sqlstate '45000' set message_text = 'disk on fire';"
            + " end if; return n; end",
        "create view sluice_it_events as select n as id, concat('e', n) as name, sluice_it_check(n) as v from sluice_it_seq");
    project =
        ProjectFolder.sluice(dir, "mariait")
            .file(
                "sources/shop.yml",
                """
        sources:
          - name: shop
            connector: mysql
            schema: raw_shop
            connection: {host: 127.0.0.1, port: 3306, database: test, user: root}
            tables:
              - {name: orders, table: sluice_it_orders, primary_key: id, cursor: updated_at}
              - {name: events, table: sluice_it_events, cursor: id, write_disposition: append}
              - {name: customers, table: sluice_it_orders, write_disposition: replace}
              - {name: missing, table: sluice_it_no_such_table}
              - {name: types, table: sluice_it_types, write_disposition: replace}
        """);
  }

  @AfterEach
  void drop() throws SQLException {
    sql(
        "drop view if exists sluice_it_events",
        "drop function if exists sluice_it_check",
        "drop table if exists sluice_it_orders, sluice_it_control, sluice_it_seq, sluice_it_types");
  }

  private NodeResult load(String select) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return p.run(Command.LOAD, select, null, 1, false, RunListener.NONE).results().get(0);
    }
  }

  private List<String> rows(String sql) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return Tables.rows(p.warehouse(), sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  @Test
  void mergeTakesOnlyChangedRowsAndARerunChangesNothing() throws SQLException {
    assertThat(load("source:shop.orders").rows()).isEqualTo(3);
    assertThat(
            rows(
                "select id, customer, amount, updated_at, shipped from raw_shop.orders order by id"))
        .containsExactly(
            "[1, ann, 10.50, 2026-01-01 10:00:00.0, true]",
            "[2, bo, 20.00, 2026-01-01 11:00:00.0, false]",
            "[3, cy, 5.25, 2026-01-02 09:00:00.0, null]");

    sql(
        "update sluice_it_orders set amount = 22, updated_at = '2026-01-03 08:00:00' where id = 2",
        "insert into sluice_it_orders values (4, 'di', 7, '2026-01-03 09:00:00', true)");
    NodeResult second = load("source:shop.orders");
    assertThat(second.rows()).as(second.message()).isEqualTo(2);
    assertThat(rows("select id, amount from raw_shop.orders order by id"))
        .containsExactly("[1, 10.50]", "[2, 22.00]", "[3, 5.25]", "[4, 7.00]");

    List<String> before = rows("select * from raw_shop.orders order by id");
    assertThat(load("source:shop.orders").rows()).isZero();
    assertThat(rows("select * from raw_shop.orders order by id")).isEqualTo(before);
  }

  @Test
  void everyTypeAndAwkwardTextArriveAsTheServerHoldsThem() throws SQLException {
    sql(
        "create table sluice_it_types (id int primary key, big bigint, small smallint,"
            + " flag tinyint(1), price decimal(12,3), ratio double, day date, moment datetime(6),"
            + " t time, note varchar(50), body text)",
        "set session sql_mode = ''", // lets the zero date in, as old servers hold them
        "insert into sluice_it_types values"
            + " (1, 9007199254740993, -3, 1, 12345.678, 0.1, '2026-02-28', '2026-02-28 23:59:58.123456',"
            + " '12:30:00', 'a,b \"c\"\nd', 'line\r\nbreak'),"
            + " (2, null, null, 0, -0.5, -1e300, '0000-00-00', '0000-00-00 00:00:00', null, '', null),"
            + " (3, 0, 0, null, null, null, null, null, '-01:00:00', null, 'é ü 中')");
    NodeResult r = load("source:shop.types");
    assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS);
    assertThat(r.rows()).isEqualTo(3);
    assertThat(
            rows(
                "select column_name || ' ' || data_type from information_schema.columns"
                    + " where table_name = 'types' and column_name not like '_sluice%'"
                    + " order by ordinal_position"))
        .containsExactly(
            "[id INTEGER]",
            "[big BIGINT]",
            "[small SMALLINT]",
            "[flag BOOLEAN]",
            "[price DECIMAL(12,3)]",
            "[ratio DOUBLE]",
            "[day DATE]",
            "[moment TIMESTAMP]",
            "[t VARCHAR]",
            "[note VARCHAR]",
            "[body VARCHAR]");
    assertThat(
            rows(
                "select id, big, small, flag, price, ratio, day, moment, t, note, body,"
                    + " note = '' as empty_note from raw_shop.types order by id"))
        .containsExactly(
            "[1, 9007199254740993, -3, true, 12345.678, 0.1, 2026-02-28,"
                + " 2026-02-28 23:59:58.123456, 12:30:00, a,b \"c\"\nd, line\r\nbreak, false]",
            "[2, null, null, false, -0.500, -1.0E300, null, null, null, , null, true]",
            "[3, 0, 0, null, null, null, null, null, -01:00:00, null, é ü 中, null]");
  }

  @Test
  void replaceMirrorsTheSourceEachRun() throws SQLException {
    load("source:shop.customers");
    sql("delete from sluice_it_orders where id = 1");
    NodeResult r = load("source:shop.customers");
    assertThat(r.message()).contains("replaced with 2 rows");
    assertThat(rows("select id from raw_shop.customers order by id")).containsExactly("[2]", "[3]");
  }

  @Test
  void aFailureMidStreamLoadsNothingAndTheRetryLoadsEverythingOnce() throws SQLException {
    sql("update sluice_it_control set fail = true");
    NodeResult failed = load("source:shop.events");
    assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(failed.message()).contains("source shop.events").contains("disk on fire");
    assertThat(
            rows("select count(*) from information_schema.tables where table_schema = 'raw_shop'"))
        .containsExactly("[0]");

    sql("update sluice_it_control set fail = false");
    NodeResult retry = load("source:shop.events");
    assertThat(retry.rows()).as(retry.message()).isEqualTo(25_000);
    assertThat(rows("select count(*), count(distinct id) from raw_shop.events"))
        .containsExactly("[25000, 25000]");
    assertThat(rows("select cursor_value from _sluice.load_state where table_name = 'events'"))
        .containsExactly("[25000]");
  }

  @Test
  void aNullCursorRefusesTheLoadAndKeepsWhatWasLoaded() throws SQLException {
    load("source:shop.orders");
    sql("insert into sluice_it_orders values (5, 'ed', 1, null, false)");
    sql("update sluice_it_orders set amount = 99, updated_at = '2026-02-01 00:00:00' where id = 1");
    NodeResult r = load("source:shop.orders");
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message()).contains("source shop.orders").contains("null cursor (updated_at)");
    assertThat(rows("select id, amount from raw_shop.orders order by id"))
        .containsExactly("[1, 10.50]", "[2, 20.00]", "[3, 5.25]");
    assertThat(rows("select cursor_value from _sluice.load_state"))
        .containsExactly("[2026-01-02 09:00:00]");
  }

  @Test
  void aMissingTableIsNamed() {
    NodeResult r = load("source:shop.missing");
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message()).contains("source shop.missing").contains("sluice_it_no_such_table");
  }

  @Test
  void aWrongPasswordIsNamedWithTheSource() {
    project.file(
        "sources/shop.yml",
        """
        sources:
          - name: shop
            connector: mysql
            connection: {host: 127.0.0.1, port: 3306, database: test, user: sluice_it_nobody, password: wrong}
            tables: [{name: orders, table: sluice_it_orders}]
        """);
    NodeResult r = load(null);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message())
        .contains("source shop: cannot connect to MySQL / MariaDB")
        .contains("sluice_it_nobody");
  }
}

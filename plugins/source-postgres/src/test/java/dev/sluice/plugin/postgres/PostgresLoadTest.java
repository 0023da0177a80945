package dev.sluice.plugin.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
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

/** Loads from the real PostgreSQL server on 127.0.0.1:5432, database test, schema sluice_it_pg. */
class PostgresLoadTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
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
    Services.requirePostgres();
    sql(
        "drop schema if exists sluice_it_pg cascade",
        "create schema sluice_it_pg",
        "create table sluice_it_pg.orders (id int primary key, customer text, amount numeric(10,2),"
            + " updated_at timestamp not null, note text)",
        "insert into sluice_it_pg.orders values (1, 'ann', 10.50, '2026-01-01 10:00', null),"
            + " (2, 'bo', 20.00, '2026-01-01 11:00', 'gift'), (3, 'cy', 5.25, '2026-01-02 09:00', null)",
        "create table sluice_it_pg.control (fail boolean)",
        "insert into sluice_it_pg.control values (false)",
        // an error at row 20,000 of 25,000, after two fetches of 10,000 rows have been streamed
        "create view sluice_it_pg.events as select g as id, 'e' || g as name,"
            + " case when (select fail from sluice_it_pg.control) then g / (g - 20000) * 0 + g else g end as v"
            + " from generate_series(1, 25000) g");
    project =
        ProjectFolder.sluice(dir, "pg")
            .file(
                "sources/shop_db.yml",
                """
            sources:
              - name: shop_db
                connector: postgres
                schema: raw_shop
                connection:
                  host: 127.0.0.1
                  port: 5432
                  database: test
                  user: postgres
                  password: ${env:SLUICE_IT_PG_PASSWORD:-}
                  schema: sluice_it_pg
                tables:
                  - name: orders
                    primary_key: id
                    cursor: updated_at
                    write_disposition: merge
                  - name: events
                    cursor: id
                    write_disposition: append
            """)
            .file(
                "models/order_totals.sql",
                "select customer, sum(amount) as total from {{ source('shop_db', 'orders') }} group by 1");
  }

  @AfterEach
  void drop() throws SQLException {
    sql("drop schema if exists sluice_it_pg cascade");
  }

  private RunSummary run(Command command, String select) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return p.run(command, select, null, 1, false, RunListener.NONE);
    }
  }

  private List<String> rows(String sql) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return Tables.rows(p.warehouse(), sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  @Test
  void incrementalMergeTakesOnlyChangedRowsAndARerunChangesNothing() throws SQLException {
    RunSummary first = run(Command.BUILD, "source:shop_db.orders+");
    assertThat(first.results())
        .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS));
    assertThat(rows("select id, customer, amount, note from raw_shop.orders order by id"))
        .containsExactly("[1, ann, 10.50, null]", "[2, bo, 20.00, gift]", "[3, cy, 5.25, null]");

    sql(
        "update sluice_it_pg.orders set amount = 22.00, updated_at = '2026-01-03 08:00' where id = 2",
        "insert into sluice_it_pg.orders values (4, 'di', 7.00, '2026-01-03 09:00', null)");
    RunSummary second = run(Command.LOAD, "source:shop_db.orders");
    NodeResult load = second.results().get(0);
    assertThat(load.rows()).isEqualTo(2);
    assertThat(load.message())
        .contains("merged 2 rows")
        .contains("cursor 2026-01-02 09:00:00 -> 2026-01-03 09:00:00");
    assertThat(rows("select id, customer, amount from raw_shop.orders order by id"))
        .containsExactly("[1, ann, 10.50]", "[2, bo, 22.00]", "[3, cy, 5.25]", "[4, di, 7.00]");

    List<String> before = rows("select * from raw_shop.orders order by id");
    RunSummary third = run(Command.LOAD, "source:shop_db.orders");
    assertThat(third.results().get(0).rows()).isZero();
    assertThat(rows("select * from raw_shop.orders order by id")).isEqualTo(before);
    assertThat(
            rows(
                "select status, rows from _sluice.loads where table_name = 'orders' order by started_at"))
        .containsExactly("[success, 3]", "[success, 2]", "[success, 0]");
  }

  @Test
  void aFailureMidStreamLoadsNothingAndTheRetryLoadsEverythingOnce() throws SQLException {
    sql("update sluice_it_pg.control set fail = true");
    RunSummary failed = run(Command.LOAD, "source:shop_db.events");
    assertThat(failed.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
    assertThat(failed.results().get(0).message())
        .contains("source shop_db.events")
        .contains("division by zero");
    assertThat(
            rows("select count(*) from information_schema.tables where table_schema = 'raw_shop'"))
        .containsExactly("[0]");
    assertThat(rows("select count(*) from _sluice.load_state")).containsExactly("[0]");

    sql("update sluice_it_pg.control set fail = false");
    NodeResult retry = run(Command.LOAD, "source:shop_db.events").results().get(0);
    assertThat(retry.rows()).as(retry.message()).isEqualTo(25_000);
    assertThat(rows("select count(*), count(distinct id), max(id) from raw_shop.events"))
        .containsExactly("[25000, 25000, 25000]");
    assertThat(
            rows(
                "select status from _sluice.loads where table_name = 'events' order by started_at"))
        .containsExactly("[failed]", "[success]");
  }

  @Test
  void connectionProblemsNameTheSource() {
    project.file(
        "sources/shop_db.yml",
        """
        sources:
          - name: shop_db
            connector: postgres
            connection: {host: 127.0.0.1, port: 5432, database: no_such_database_here, user: postgres}
            tables: [{name: orders}]
        """);
    RunSummary s = run(Command.LOAD, null);
    assertThat(s.results().get(0).status()).isEqualTo(NodeStatus.ERROR);
    assertThat(s.results().get(0).message())
        .contains("source shop_db: cannot connect to PostgreSQL")
        .contains("no_such_database_here");
  }

  @Test
  void anUnreachableHostIsNamedWithTheSource() {
    project.file(
        "sources/shop_db.yml",
        """
        sources:
          - name: shop_db
            connector: postgres
            connection: {host: 127.0.0.1, port: 1, database: test, user: postgres}
            tables: [{name: orders}]
        """);
    NodeResult r = run(Command.LOAD, null).results().get(0);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message())
        .contains(
            "source shop_db: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/test");
  }

  @Test
  void theConnectorChecksAndListsTablesWithTheirColumns() throws Exception {
    dev.sluice.core.spi.ConnectorConfig c =
        dev.sluice.core.spi.ConnectorConfig.of(
            "shop_db",
            Map.of(
                "host",
                "127.0.0.1",
                "database",
                "test",
                "user",
                "postgres",
                "schema",
                "sluice_it_pg"));
    PostgresConnector pg = new PostgresConnector();
    pg.check(c);
    assertThat(pg.tables(c)).extracting(t -> t.name()).contains("orders", "events", "control");
    assertThat(
            pg.tables(c).stream()
                .filter(t -> t.name().equals("orders"))
                .findFirst()
                .orElseThrow()
                .columns())
        .extracting(col -> col.name() + " " + col.type())
        .containsExactly(
            "id INTEGER",
            "customer VARCHAR",
            "amount DECIMAL(10,2)",
            "updated_at TIMESTAMP",
            "note VARCHAR");
    assertThat(dev.sluice.core.load.ConnectorRegistry.discover().find("postgres"))
        .get()
        .isInstanceOf(PostgresConnector.class);
  }
}

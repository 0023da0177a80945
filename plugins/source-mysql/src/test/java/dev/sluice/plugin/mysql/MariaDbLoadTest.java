package dev.sluice.plugin.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.run.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.Pipeline;
import dev.sluice.core.run.PipelineOptions;
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

/** Loads from the real MariaDB server on 127.0.0.1:3306, database test. */
class MariaDbLoadTest {
  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";
  @TempDir Path dir;
  ProjectFolder project;

  void sql(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @BeforeEach
  void source() throws SQLException {
    Services.requireMariaDb();
    sql("drop table if exists sluice_it_customers",
        "create table sluice_it_customers (id int primary key, name varchar(50), country char(2),"
            + " balance decimal(12,2), active tinyint(1), updated_at datetime not null)",
        "insert into sluice_it_customers values (1, 'Ann', 'DE', 10.00, 1, '2026-01-01 10:00:00'),"
            + " (2, 'Bo', 'FR', null, 0, '2026-01-01 11:00:00')");
    project = ProjectFolder.sluice(dir, "maria")
        .file("sources/crm.yml", """
            sources:
              - name: crm
                connector: mysql
                connection: {host: 127.0.0.1, port: 3306, database: test, user: root}
                tables:
                  - name: customers
                    table: sluice_it_customers
                    primary_key: id
                    cursor: updated_at
            """);
  }

  @AfterEach
  void drop() throws SQLException {
    sql("drop table if exists sluice_it_customers");
  }

  private NodeResult load() {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      RunSummary s = p.run(Command.LOAD, null, null, 1, false, RunListener.NONE);
      return s.results().get(0);
    }
  }

  private List<String> rows(String sql) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      return Tables.rows(p.warehouse(), sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  @Test
  void mergesIncrementallyFromMariaDb() throws SQLException {
    NodeResult first = load();
    assertThat(first.status()).as(first.message()).isEqualTo(NodeStatus.SUCCESS);
    assertThat(rows("select id, name, country, balance, active from crm.customers order by id"))
        .containsExactly("[1, Ann, DE, 10.00, true]", "[2, Bo, FR, null, false]");
    sql("update sluice_it_customers set balance = 5.00, updated_at = '2026-01-02 00:00:00' where id = 2");
    assertThat(load().rows()).isEqualTo(1);
    assertThat(load().rows()).isZero();
    assertThat(rows("select id, balance from crm.customers order by id")).containsExactly("[1, 10.00]", "[2, 5.00]");
  }

  @Test
  void aNullCursorIsRefusedAndTheCursorStays() throws SQLException {
    sql("alter table sluice_it_customers modify updated_at datetime null",
        "insert into sluice_it_customers values (3, 'Cy', 'JP', 1.00, 1, null)");
    NodeResult r = load();
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message()).isEqualTo("source crm.customers: 1 row has a null cursor (updated_at); nothing was loaded"
        + " and the cursor did not move");
    assertThat(rows("select count(*) from _sluice.load_state")).containsExactly("[0]");
  }
}

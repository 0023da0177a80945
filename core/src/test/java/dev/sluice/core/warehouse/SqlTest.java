package dev.sluice.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Quoted names and values survive a round trip through DuckDB, quotes inside included. */
class SqlTest {
  @Test
  void aQuotedNameAndAQuotedValueReadBackAsWritten() throws Exception {
    String name = "it's a \"col\"";
    String value = "O'Brien said \"hi\"";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select " + Sql.literal(value) + " as " + Sql.ident(name))) {
      assertThat(r.next()).isTrue();
      assertThat(r.getMetaData().getColumnLabel(1)).isEqualTo(name);
      assertThat(r.getString(1)).isEqualTo(value);
    }
  }
}

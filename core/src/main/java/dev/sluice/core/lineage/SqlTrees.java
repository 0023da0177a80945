package dev.sluice.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DuckDB's own parser, asked through {@code json_serialize_sql} on a private in-memory database, so
 * lineage needs neither the warehouse file nor a lock on it. Not thread-safe: one per worker.
 */
public final class SqlTrees implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final Set<String> aggregates = new HashSet<>();

  /** The parse of one statement: its query node, or what was wrong and where. */
  public record Parsed(JsonNode query, String error, int line) {
    public boolean ok() {
      return query != null;
    }
  }

  public SqlTrees() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = connection.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select distinct function_name from duckdb_functions()"
                      + " where function_type = 'aggregate'")) {
        while (rs.next()) {
          aggregates.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB's parser: " + e.getMessage(), e);
    }
  }

  /** Whether DuckDB knows {@code name} as an aggregate function. */
  public boolean isAggregate(String name) {
    return aggregates.contains(name.toLowerCase(Locale.ROOT));
  }

  public Parsed parse(String sql) {
    try (PreparedStatement ps = connection.prepareStatement("select json_serialize_sql(?)")) {
      ps.setString(1, sql);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        JsonNode root = JSON.readTree(rs.getString(1));
        if (root.path("error").asBoolean(false)) {
          int pos = root.path("position").asInt(0);
          return new Parsed(
              null, root.path("error_message").asText("cannot parse"), lineOf(sql, pos));
        }
        JsonNode statements = root.path("statements");
        if (statements.size() != 1) {
          return new Parsed(null, "expected one SELECT statement, found " + statements.size(), 1);
        }
        return new Parsed(statements.get(0).path("node"), null, 0);
      }
    } catch (SQLException e) {
      // json_serialize_sql refuses statements other than SELECT with an error
      return new Parsed(null, firstLine(e.getMessage()), 1);
    } catch (java.io.IOException e) {
      return new Parsed(null, "unreadable parse tree: " + e.getMessage(), 1);
    }
  }

  private static int lineOf(String sql, int pos) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, sql.length()); i++) {
      if (sql.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "cannot parse";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing an in-memory database
    }
  }
}

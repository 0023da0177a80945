package dev.sluice.core.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection used by one worker, statement by statement, with a cancel button. DuckDB closes a
 * statement after an error, so every call gets a fresh one.
 */
public final class SqlSession implements AutoCloseable {
  private final Connection connection;
  private volatile Statement running;
  private volatile boolean cancelled;

  public SqlSession(Connection connection) {
    this.connection = connection;
  }

  public static SqlSession open(Warehouse warehouse) throws SQLException {
    return new SqlSession(warehouse.connect());
  }

  public Connection connection() {
    return connection;
  }

  /** Runs a statement; returns its update count, or -1 when it returns rows or counts nothing. */
  public long execute(String sql) throws SQLException {
    checkCancelled();
    try (Statement st = connection.createStatement()) {
      running = st;
      boolean rows = st.execute(sql);
      return rows ? -1 : st.getLargeUpdateCount();
    } finally {
      running = null;
    }
  }

  /** Creates a schema if it is missing, taking its turn with other {@link CatalogChanges}. */
  public void createSchemaIfMissing(String quotedSchema) throws SQLException {
    CatalogChanges.oneAtATime(() -> execute("create schema if not exists " + quotedSchema));
  }

  public long count(String sql) throws SQLException {
    List<Map<String, Object>> r =
        rows("select count(*) as n from (" + sql + ") as sluice_counted", 1);
    return ((Number) r.get(0).get("n")).longValue();
  }

  /** The first {@code limit} rows as column-name maps. */
  public List<Map<String, Object>> rows(String sql, int limit) throws SQLException {
    checkCancelled();
    try (Statement st = connection.createStatement()) {
      running = st;
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        while (out.size() < limit && rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } finally {
      running = null;
    }
  }

  public List<String> columnNames(String relation) throws SQLException {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r :
        rows("select column_name from (describe " + relation + ")", Integer.MAX_VALUE)) {
      out.add(String.valueOf(r.get("column_name")));
    }
    return out;
  }

  public void begin() throws SQLException {
    execute("begin transaction");
  }

  public void commit() throws SQLException {
    execute("commit");
  }

  /** Rolls back whatever is open; never throws, because it runs on error paths. */
  public void rollbackQuietly() {
    try (Statement st = connection.createStatement()) {
      st.execute("rollback");
    } catch (SQLException e) {
      // nothing was open
    }
  }

  /** Interrupts the running statement and refuses further ones. Safe from any thread. */
  public void cancel() {
    cancelled = true;
    Statement st = running;
    if (st != null) {
      try {
        st.cancel();
      } catch (SQLException e) {
        // it finished in the meantime
      }
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  private void checkCancelled() throws SQLException {
    if (cancelled) {
      throw new SQLException("cancelled");
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing after a failure
    }
  }
}

package dev.sluice.core.query;

import dev.sluice.core.warehouse.Warehouse;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A query whose rows are read on demand. DuckDB streams the result, so the first page of a
 * ten-million-row table arrives without the rest being computed or held in memory. One worker
 * thread reads; {@link Cancel#cancel()} may be called from any thread and interrupts the query.
 */
public final class ResultStream implements AutoCloseable {
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final List<ResultColumn> columns;
  private final long updateCount;
  private final Cancel cancel;
  private boolean exhausted;
  private long read;

  private ResultStream(
      Connection connection, Statement statement, ResultSet rows, long updateCount, Cancel cancel)
      throws SQLException {
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.updateCount = updateCount;
    this.cancel = cancel;
    this.exhausted = rows == null;
    List<ResultColumn> cols = new ArrayList<>();
    if (rows != null) {
      ResultSetMetaData md = rows.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        cols.add(new ResultColumn(md.getColumnLabel(i), md.getColumnTypeName(i)));
      }
    }
    this.columns = List.copyOf(cols);
  }

  /**
   * Starts {@code sql} on a connection of its own and returns once DuckDB has a result to read. A
   * statement without rows (DDL, an insert) gives a stream with no columns and its update count.
   */
  public static ResultStream open(Warehouse warehouse, String sql, Cancel cancel)
      throws SQLException {
    Connection c = warehouse.connect();
    Statement st = null;
    try {
      st = c.createStatement();
      cancel.attach(st);
      if (st.execute(sql)) {
        return new ResultStream(c, st, st.getResultSet(), -1, cancel);
      }
      long count = st.getLargeUpdateCount();
      st.close();
      c.close();
      return new ResultStream(null, null, null, count, cancel);
    } catch (SQLException e) {
      closeQuietly(st);
      closeQuietly(c);
      throw cancel.requested() ? new SQLException("cancelled", e) : e;
    } catch (RuntimeException e) {
      closeQuietly(st);
      closeQuietly(c);
      throw e;
    }
  }

  public List<ResultColumn> columns() {
    return columns;
  }

  /** For statements without rows: how many rows they changed; -1 for queries. */
  public long updateCount() {
    return updateCount;
  }

  /** Up to {@code max} more rows; fewer means the result has ended. */
  public List<Object[]> next(int max) throws SQLException {
    List<Object[]> page = new ArrayList<>(Math.min(max, 4096));
    try {
      while (!exhausted && page.size() < max) {
        if (!rows.next()) {
          exhausted = true;
          break;
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = cell(rows.getObject(i + 1));
        }
        page.add(row);
      }
    } catch (SQLException e) {
      throw cancel.requested() ? new SQLException("cancelled", e) : e;
    }
    read += page.size();
    return page;
  }

  public boolean exhausted() {
    return exhausted;
  }

  public long rowsRead() {
    return read;
  }

  /**
   * Values as a reader can show them: lists become Java lists, structs and blobs short strings.
   * Numbers, strings, dates and booleans stay as DuckDB gave them.
   */
  static Object cell(Object v) throws SQLException {
    if (v instanceof Array a) {
      Object arr = a.getArray();
      return arr instanceof Object[] objects ? Arrays.asList(objects) : String.valueOf(arr);
    }
    if (v instanceof Struct s) {
      return Arrays.toString(s.getAttributes());
    }
    if (v instanceof Blob b) {
      return "<blob, " + b.length() + " bytes>";
    }
    return v;
  }

  @Override
  public void close() {
    closeQuietly(rows);
    closeQuietly(statement);
    closeQuietly(connection);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // closing after an error or a cancel
      }
    }
  }

  /**
   * A cancel button handed out before the query starts, so a query that is slow to produce its
   * first row can still be stopped.
   */
  public static final class Cancel {
    private volatile boolean requested;
    private volatile Statement statement;

    void attach(Statement st) throws SQLException {
      this.statement = st;
      if (requested) {
        throw new SQLException("cancelled");
      }
    }

    public boolean requested() {
      return requested;
    }

    /** Safe from any thread, before, during or after the query. */
    public void cancel() {
      requested = true;
      Statement st = statement;
      if (st != null) {
        try {
          st.cancel();
        } catch (SQLException e) {
          // already done
        }
      }
    }
  }
}

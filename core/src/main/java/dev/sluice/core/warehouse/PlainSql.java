package dev.sluice.core.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements over plain JDBC with {@code ?} parameters, for the few a run makes around its nodes:
 * its history rows, the catalog read, the metadata tables. JDBI reads every statement for named
 * parameters with a lexer whose first use cost a whole run a few hundred milliseconds of CPU on
 * start, and none of these needs a name.
 */
public final class PlainSql {
  private PlainSql() {}

  /** Reads one row of a result. */
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code statements} in turn on one new connection. */
  public static void execute(Warehouse warehouse, String... statements) {
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Runs one statement with {@code args} bound in order; returns its update count. */
  public static long update(Warehouse warehouse, String sql, Object... args) {
    try (Connection c = warehouse.connect()) {
      return update(c, sql, args);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** As {@link #update(Warehouse, String, Object...)}, on a connection the caller holds. */
  public static long update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeLargeUpdate();
    }
  }

  /** Every row of a query with {@code args} bound in order. */
  public static <T> List<T> query(Warehouse warehouse, String sql, Row<T> row, Object... args) {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Binds strings, numbers and timestamps as JDBI binds them; null as a SQL NULL. */
  static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int at = i + 1;
      if (a == null) {
        ps.setNull(at, Types.NULL);
      } else if (a instanceof String s) {
        ps.setString(at, s);
      } else if (a instanceof Integer n) {
        ps.setInt(at, n);
      } else if (a instanceof Long n) {
        ps.setLong(at, n);
      } else if (a instanceof Double d) {
        ps.setDouble(at, d);
      } else if (a instanceof Timestamp t) {
        ps.setTimestamp(at, t);
      } else {
        throw new IllegalArgumentException("cannot bind a " + a.getClass().getName());
      }
    }
  }

  private static WarehouseException failed(SQLException e) {
    return new WarehouseException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
  }
}

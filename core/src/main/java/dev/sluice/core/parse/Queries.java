package dev.sluice.core.parse;

import dev.sluice.core.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the SQL that templates send while they render ({@code run_query}, {@code statement}). While
 * a project is only parsed there is no warehouse, and dbt's {@code execute} is false: queries then
 * return none, as in dbt.
 */
final class Queries {
  private volatile Warehouse warehouse;

  void attach(Warehouse w) {
    this.warehouse = w;
  }

  boolean executing() {
    return warehouse != null;
  }

  /** The warehouse; the rendering in progress is marked as one that asked it something. */
  Warehouse warehouse() {
    RenderCall c = RenderCall.currentOrNull();
    if (c != null && warehouse != null) {
      c.introspected = true;
    }
    return warehouse;
  }

  Object run(RenderCall call, String sql) {
    if (warehouse == null) {
      return null;
    }
    call.introspected = true;
    if (sql.isBlank()) {
      return new QueryResult(List.of(), List.of());
    }
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      if (!st.execute(warehouse.forMacroQuery(sql))) {
        return new QueryResult(List.of(), List.of());
      }
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= names.size(); i++) {
            row.add(plain(rs.getObject(i)));
          }
          rows.add(row);
        }
        return new QueryResult(names, rows);
      }
    } catch (SQLException e) {
      throw new TemplateStop(
          "the query a macro ran failed: " + firstLine(e.getMessage()) + where(e.getMessage()));
    }
  }

  /** Values as templates compare them: numbers as Long or Double, dates and times as text. */
  private static Object plain(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return b.longValue();
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.scale() <= 0 ? (Object) d.longValue() : (Object) d.doubleValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof java.sql.Date
        || v instanceof java.sql.Timestamp
        || v instanceof java.time.temporal.Temporal) {
      return v.toString();
    }
    return v;
  }

  /** DuckDB's pointer into the query ({@code LINE 3: from .information_schema...}), if any. */
  private static String where(String m) {
    return m == null
        ? ""
        : m.lines()
            .filter(l -> l.startsWith("LINE "))
            .findFirst()
            .map(l -> " (at " + l.strip() + ")")
            .orElse("");
  }

  static String firstLine(String m) {
    return m == null ? "" : m.lines().findFirst().orElse("").strip();
  }
}

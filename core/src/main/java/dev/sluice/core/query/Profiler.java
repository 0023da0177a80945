package dev.sluice.core.query;

import dev.sluice.core.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column profiles computed inside DuckDB: {@code SUMMARIZE} for types, nulls, distinct counts and
 * ranges in one scan, then one grouped query per column for its chart. Nothing but the summary rows
 * and the bars leaves the database.
 */
public final class Profiler {
  /** Charts beyond this many columns would cost a scan each for little insight. */
  static final int CHARTED_COLUMNS = 40;

  static final int BINS = 12;
  static final int TOP_VALUES = 8;

  /**
   * Up to this many rows, distinct values are counted exactly, in one more scan; above it,
   * SUMMARIZE's estimate (a few percent off) is shown as one.
   */
  static final long EXACT_DISTINCT_ROWS = 1_000_000;

  private static final Set<String> NUMERIC =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT",
          "FLOAT",
          "DOUBLE",
          "REAL");

  private Profiler() {}

  public static TableProfile profile(Warehouse warehouse, String sql, ResultStream.Cancel cancel)
      throws SQLException {
    long start = System.nanoTime();
    String from = "(" + sql + ") as profiled";
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      cancel.attach(st);
      List<ColumnProfile> columns = new ArrayList<>();
      long rows = 0;
      try (ResultSet rs = st.executeQuery("summarize select * from " + from)) {
        while (rs.next()) {
          rows = rs.getLong("count");
          columns.add(
              new ColumnProfile(
                  rs.getString("column_name"),
                  rs.getString("column_type"),
                  rs.getDouble("null_percentage"),
                  rs.getLong("approx_unique"),
                  rs.getString("min"),
                  rs.getString("max"),
                  rs.getString("avg"),
                  List.of(),
                  false,
                  false));
        }
      }
      if (rows <= EXACT_DISTINCT_ROWS && !columns.isEmpty()) {
        columns = exactDistinct(st, from, columns);
      }
      List<ColumnProfile> charted = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        ColumnProfile p = columns.get(i);
        charted.add(i < CHARTED_COLUMNS && rows > 0 ? withChart(st, from, p) : p);
      }
      return new TableProfile(rows, charted, (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw cancel.requested() ? new SQLException("cancelled", e) : e;
    }
  }

  private static ColumnProfile withChart(Statement st, String from, ColumnProfile p)
      throws SQLException {
    String col = dev.sluice.core.warehouse.Sql.ident(p.name());
    boolean numeric =
        isNumeric(p.type()) && p.min() != null && p.max() != null && p.distinct() > TOP_VALUES;
    List<ColumnProfile.Bar> bars = numeric ? histogram(st, from, col, p) : topValues(st, from, col);
    return new ColumnProfile(
        p.name(),
        p.type(),
        p.nullPercent(),
        p.distinct(),
        p.min(),
        p.max(),
        p.mean(),
        bars,
        numeric,
        p.distinctExact());
  }

  /** The columns with their distinct values counted, in one scan for all of them. */
  private static List<ColumnProfile> exactDistinct(
      Statement st, String from, List<ColumnProfile> columns) throws SQLException {
    StringBuilder q = new StringBuilder("select ");
    for (int i = 0; i < columns.size(); i++) {
      q.append(i == 0 ? "" : ", ")
          .append("count(distinct ")
          .append(dev.sluice.core.warehouse.Sql.ident(columns.get(i).name()))
          .append(")");
    }
    q.append(" from ").append(from);
    List<ColumnProfile> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(q.toString())) {
      rs.next();
      for (int i = 0; i < columns.size(); i++) {
        ColumnProfile p = columns.get(i);
        out.add(
            new ColumnProfile(
                p.name(),
                p.type(),
                p.nullPercent(),
                rs.getLong(i + 1),
                p.min(),
                p.max(),
                p.mean(),
                p.bars(),
                p.histogram(),
                true));
      }
    }
    return out;
  }

  static boolean isNumeric(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return NUMERIC.contains(t) || t.startsWith("DECIMAL");
  }

  private static List<ColumnProfile.Bar> histogram(
      Statement st, String from, String col, ColumnProfile p) throws SQLException {
    double min = Double.parseDouble(p.min());
    double max = Double.parseDouble(p.max());
    double width = (max - min) / BINS;
    if (width <= 0) {
      return topValues(st, from, col);
    }
    long[] counts = new long[BINS];
    String bucket =
        "least("
            + (BINS - 1)
            + ", floor(("
            + col
            + "::double - "
            + min
            + ") / "
            + width
            + ")::int)";
    try (ResultSet rs =
        st.executeQuery(
            "select "
                + bucket
                + " as b, count(*) from "
                + from
                + " where "
                + col
                + " is not null group by b")) {
      while (rs.next()) {
        int b = rs.getInt(1);
        if (b >= 0 && b < BINS) {
          counts[b] += rs.getLong(2);
        }
      }
    }
    List<ColumnProfile.Bar> bars = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      bars.add(new ColumnProfile.Bar(number(min + b * width), counts[b]));
    }
    return bars;
  }

  private static List<ColumnProfile.Bar> topValues(Statement st, String from, String col)
      throws SQLException {
    List<ColumnProfile.Bar> bars = new ArrayList<>();
    try (ResultSet rs =
        st.executeQuery(
            "select "
                + col
                + "::varchar as v, count(*) as n from "
                + from
                + " group by v order by n desc, v limit "
                + TOP_VALUES)) {
      while (rs.next()) {
        String v = rs.getString(1);
        bars.add(new ColumnProfile.Bar(v == null ? "NULL" : v, rs.getLong(2)));
      }
    }
    return bars;
  }

  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.4g", d);
  }
}

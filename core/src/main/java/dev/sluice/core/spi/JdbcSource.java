package dev.sluice.core.spi;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What JDBC sources share: connecting, listing tables, and streaming a table with a fetch size so
 * that no table is ever held whole in memory. Plugins give the URL, quoting and driver details.
 */
public abstract class JdbcSource implements SourceConnector {

  /** The JDBC URL for these settings. */
  protected abstract String url(ConnectorConfig config) throws LoadException;

  protected abstract Properties properties(ConnectorConfig config);

  protected abstract String quote(String identifier);

  /** The schema tables live in when a table names none, e.g. {@code public}. */
  protected abstract String defaultSchema(ConnectorConfig config);

  protected Connection connect(ConnectorConfig config) throws LoadException {
    String url = url(config);
    try {
      Connection c = java.sql.DriverManager.getConnection(url, properties(config));
      c.setReadOnly(true);
      return c;
    } catch (SQLException e) {
      throw new LoadException(
          "source "
              + config.sourceName()
              + ": cannot connect to "
              + displayName()
              + " at "
              + url.replaceAll("password=[^&]*", "password=***")
              + ": "
              + firstLine(e.getMessage()),
          e);
    }
  }

  @Override
  public void check(ConnectorConfig config) throws LoadException {
    try (Connection c = connect(config)) {
      c.getMetaData();
    } catch (SQLException e) {
      throw new LoadException(
          "source " + config.sourceName() + ": " + firstLine(e.getMessage()), e);
    }
  }

  @Override
  public List<TableInfo> tables(ConnectorConfig config) throws LoadException {
    List<TableInfo> out = new ArrayList<>();
    try (Connection c = connect(config)) {
      DatabaseMetaData md = c.getMetaData();
      String schema = defaultSchema(config);
      try (ResultSet rs =
          md.getTables(catalog(config), schema, "%", new String[] {"TABLE", "VIEW"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          List<SourceColumn> cols = new ArrayList<>();
          try (ResultSet crs = md.getColumns(catalog(config), schema, name, "%")) {
            while (crs.next()) {
              cols.add(
                  new SourceColumn(
                      crs.getString("COLUMN_NAME"),
                      duckdbType(
                          crs.getInt("DATA_TYPE"),
                          crs.getString("TYPE_NAME"),
                          crs.getInt("COLUMN_SIZE"),
                          crs.getInt("DECIMAL_DIGITS"))));
            }
          }
          out.add(new TableInfo(name, cols));
        }
      }
    } catch (SQLException e) {
      throw new LoadException(
          "source " + config.sourceName() + ": cannot list tables: " + firstLine(e.getMessage()),
          e);
    }
    return out;
  }

  /** The catalog argument for metadata calls (MySQL keeps databases there). */
  protected String catalog(ConnectorConfig config) {
    return null;
  }

  /** Driver settings for streaming (autocommit off for PostgreSQL cursors, for example). */
  protected void prepareForStreaming(Connection c) throws SQLException {
    c.setAutoCommit(false);
  }

  /** The table's relation in the source, schema-qualified when it has one. */
  protected String relation(ConnectorConfig config, TableRequest request) {
    String table = String.valueOf(request.settings().getOrDefault("table", request.table()));
    String schema =
        String.valueOf(request.settings().getOrDefault("schema", defaultSchema(config)));
    return (schema == null || schema.isBlank() || schema.equals("null") ? "" : quote(schema) + ".")
        + quote(table);
  }

  /**
   * The extract query. With a cursor, rows past it (bound as {@code cursorValue}: {@code ?} or a
   * literal) and rows whose cursor is null, so that the loader can refuse them instead of missing
   * them.
   */
  protected String selectSql(ConnectorConfig config, TableRequest request, String cursorValue) {
    StringBuilder sql = new StringBuilder("select * from ").append(relation(config, request));
    if (request.cursorColumn() != null && request.cursorAfter() != null) {
      String c = quote(request.cursorColumn());
      sql.append(" where (")
          .append(c)
          .append(" > ")
          .append(cursorValue)
          .append(" or ")
          .append(c)
          .append(" is null)");
    }
    // no order by: the loader finds the newest row per key and the largest cursor itself, and
    // sorting a large table would cost the source more than the extract
    return sql.toString();
  }

  @Override
  public void read(ConnectorConfig config, TableRequest request, RowSink sink)
      throws LoadException {
    select(
        config,
        request,
        (st, rs, cols, kinds) -> {
          sink.schema(cols);
          int n = kinds.length;
          while (rs.next()) {
            if (sink.cancelled()) {
              st.cancel();
              throw new LoadException("source " + request.qualifiedName() + ": cancelled");
            }
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
              row[i] = value(rs, i + 1, kinds[i]);
            }
            sink.row(row);
          }
        });
  }

  /**
   * Streams the requested rows as CSV in {@link CsvExport}'s form, for a connector that implements
   * {@link CsvExport} over a driver without a bulk dump: each value goes out as the text the
   * database sent (numbers, dates and timestamps parse in DuckDB's reader with the declared types),
   * so no value becomes a Java object on the way. Values hold what {@link #read} gives.
   */
  protected void exportCsv(ConnectorConfig config, TableRequest request, CsvExport.Target target)
      throws LoadException {
    select(
        config,
        request,
        (st, rs, cols, kinds) -> {
          int n = kinds.length;
          try (java.io.Writer out =
              new java.io.BufferedWriter(
                  new java.io.OutputStreamWriter(
                      target.open(cols), java.nio.charset.StandardCharsets.UTF_8),
                  1 << 16)) {
            while (rs.next()) {
              for (int i = 0; i < n; i++) {
                if (i > 0) {
                  out.write(',');
                }
                csvField(out, text(rs, i + 1, kinds[i]));
              }
              out.write('\n');
            }
          }
        });
  }

  /** What is done with the rows of the requested table's open result set. */
  @FunctionalInterface
  private interface Rows {
    void take(PreparedStatement st, ResultSet rs, List<SourceColumn> columns, int[] kinds)
        throws SQLException, LoadException, java.io.IOException;
  }

  /**
   * Runs the requested table's select (cursor bound, rows streamed, read-only) and hands its rows,
   * with the columns and their JDBC types, to {@code rows}.
   */
  private void select(ConnectorConfig config, TableRequest request, Rows rows)
      throws LoadException {
    String sql = selectSql(config, request, "?");
    try (Connection c = connect(config)) {
      prepareForStreaming(c);
      try (PreparedStatement st =
          c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        st.setFetchSize(request.batchSize());
        if (request.cursorColumn() != null && request.cursorAfter() != null) {
          bindCursor(st, request.cursorAfter());
        }
        try (ResultSet rs = st.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          int n = md.getColumnCount();
          List<SourceColumn> cols = new ArrayList<>();
          int[] kinds = new int[n];
          for (int i = 1; i <= n; i++) {
            kinds[i - 1] = md.getColumnType(i);
            cols.add(
                new SourceColumn(
                    md.getColumnLabel(i),
                    duckdbType(
                        md.getColumnType(i),
                        md.getColumnTypeName(i),
                        md.getPrecision(i),
                        md.getScale(i))));
          }
          rows.take(st, rs, cols, kinds);
        }
      }
      c.rollback(); // read-only; nothing to keep
    } catch (SQLException | java.io.IOException e) {
      throw new LoadException(
          "source " + request.qualifiedName() + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** A value as CSV text for its DuckDB type, or null; what {@link #read} would give, as text. */
  private static String text(ResultSet rs, int i, int kind) throws SQLException {
    return switch (kind) {
      case Types.BIGINT,
              Types.INTEGER,
              Types.SMALLINT,
              Types.TINYINT,
              Types.DOUBLE,
              Types.FLOAT,
              Types.REAL,
              Types.NUMERIC,
              Types.DECIMAL,
              Types.TIME ->
          rs.getString(i);
      case Types.BOOLEAN, Types.BIT -> {
        boolean b = rs.getBoolean(i);
        yield rs.wasNull() ? null : b ? "true" : "false";
      }
      case Types.DATE, Types.TIMESTAMP -> {
        String t = rs.getString(i);
        // a zero date ('0000-00-00') is no date; the row path reads it as null as well
        yield t == null || t.startsWith("0000-00-00") ? null : t;
      }
      default -> {
        Object o = value(rs, i, kind);
        yield o == null ? null : o.toString();
      }
    };
  }

  /** A CSV field: null as nothing, anything else quoted when it must be, "" for an empty string. */
  private static void csvField(java.io.Writer out, String v) throws java.io.IOException {
    if (v == null) {
      return;
    }
    boolean quote = v.isEmpty();
    for (int k = 0; k < v.length() && !quote; k++) {
      char ch = v.charAt(k);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      out.write(v);
      return;
    }
    out.write('"');
    out.write(v.replace("\"", "\"\""));
    out.write('"');
  }

  /** Binds the last cursor value, compared in the source's own type by the database. */
  protected void bindCursor(PreparedStatement st, String cursor) throws SQLException {
    st.setObject(1, cursor, Types.OTHER);
  }

  private static Object value(ResultSet rs, int i, int kind) throws SQLException {
    return switch (kind) {
      case Types.BIGINT -> nullable(rs, rs.getLong(i));
      case Types.INTEGER -> nullable(rs, rs.getInt(i));
        // a SMALLINT column takes a short: DuckDB's appender refuses an int for it
      case Types.SMALLINT, Types.TINYINT -> nullable(rs, rs.getShort(i));
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> nullable(rs, rs.getDouble(i));
      case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
      case Types.BOOLEAN, Types.BIT -> nullable(rs, rs.getBoolean(i));
      case Types.DATE -> {
        java.sql.Date d = rs.getDate(i);
        yield d == null ? null : d.toLocalDate();
      }
      case Types.TIMESTAMP -> {
        Timestamp t = rs.getTimestamp(i);
        yield t == null ? null : t.toLocalDateTime();
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, java.time.OffsetDateTime.class);
      default -> {
        Object o = rs.getObject(i);
        yield o == null
                || o instanceof String
                || o instanceof BigDecimal
                || o instanceof java.util.UUID
            ? o
            : o.toString();
      }
    };
  }

  private static Object nullable(ResultSet rs, Object v) throws SQLException {
    return rs.wasNull() ? null : v;
  }

  /** Maps a JDBC column type to the DuckDB type the raw table gets. */
  protected String duckdbType(int jdbcType, String typeName, int precision, int scale) {
    return switch (jdbcType) {
      case Types.BIGINT -> "BIGINT";
      case Types.INTEGER -> "INTEGER";
      case Types.SMALLINT, Types.TINYINT -> "SMALLINT";
      case Types.DOUBLE, Types.FLOAT -> "DOUBLE";
      case Types.REAL -> "FLOAT";
      case Types.NUMERIC, Types.DECIMAL ->
          precision > 0 && precision <= 38
              ? "DECIMAL(" + precision + "," + Math.max(scale, 0) + ")"
              : "DOUBLE";
      case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
      case Types.DATE -> "DATE";
      case Types.TIMESTAMP -> "TIMESTAMP";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
      default -> "uuid".equalsIgnoreCase(typeName) ? "UUID" : "VARCHAR";
    };
  }

  protected static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}

package dev.sluice.plugin.mysql;

import dev.sluice.core.spi.ChangeCapture;
import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.CsvExport;
import dev.sluice.core.spi.JdbcSource;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.TableRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Extracts tables from MySQL or MariaDB over the MariaDB driver, streaming with a cursor fetch. A
 * plain load streams the rows as CSV text into DuckDB's reader ({@link CsvExport}); change data
 * capture goes row by row.
 */
public final class MySqlConnector extends JdbcSource implements CsvExport {

  @Override
  public String kind() {
    return "mysql";
  }

  @Override
  public String displayName() {
    return "MySQL / MariaDB";
  }

  @Override
  public List<ConfigField> fields() {
    return List.of(
        ConfigField.optional("host", ConfigField.Type.TEXT, "localhost", "The server's host name."),
        ConfigField.optional("port", ConfigField.Type.INTEGER, "3306", "The server's port."),
        ConfigField.required("database", ConfigField.Type.TEXT, "The database (schema) to read."),
        ConfigField.optional("user", ConfigField.Type.TEXT, "root", "The user to connect as."),
        ConfigField.secret(
            "password", "Write it as ${env:VAR}: secrets stay out of project files."),
        ConfigField.optional(
            "ssl_mode",
            ConfigField.Type.TEXT,
            null,
            "disable, trust, verify-ca or verify-full; default: disable for a local server, verify-full otherwise."));
  }

  @Override
  protected String url(ConnectorConfig c) throws LoadException {
    return "jdbc:mariadb://"
        + c.text("host", "localhost")
        + ":"
        + c.integer("port", 3306)
        + "/"
        + c.required("database");
  }

  @Override
  protected Properties properties(ConnectorConfig c) {
    Properties p = new Properties();
    p.setProperty("user", c.text("user", "root"));
    String password = c.text("password", null);
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", "10000");
    p.setProperty(
        "useCursorFetch", "true"); // stream in batches instead of reading the whole result
    String host = c.text("host", "localhost");
    boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    p.setProperty("sslMode", c.text("ssl_mode", local ? "disable" : "verify-full"));
    return p;
  }

  @Override
  protected String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  @Override
  protected String defaultSchema(ConnectorConfig c) {
    return null; // the database in the URL
  }

  @Override
  protected String catalog(ConnectorConfig c) {
    return c.text("database", null);
  }

  @Override
  public void export(ConnectorConfig config, TableRequest request, Target target)
      throws LoadException {
    exportCsv(config, request, target);
  }

  @Override
  public void read(ConnectorConfig config, TableRequest request, RowSink sink)
      throws LoadException {
    if (!ChangeCapture.isOn(request.settings())) {
      super.read(config, request, sink);
      return;
    }
    String database =
        String.valueOf(request.settings().getOrDefault("schema", config.required("database")));
    String table = String.valueOf(request.settings().getOrDefault("table", request.table()));
    MySqlCdc cdc =
        new MySqlCdc(
            request,
            database,
            table,
            config.text("host", "localhost"),
            config.integer("port", 3306),
            config.text("user", "root"),
            config.text("password", null));
    try (Connection c = connect(config)) {
      MySqlCdc.requireBinlog(request.qualifiedName(), MySqlCdc.binlogVariables(c));
      List<SourceColumn> cols = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("select * from " + relation(config, request) + " limit 0")) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cols.add(
              new SourceColumn(
                  md.getColumnLabel(i),
                  duckdbType(
                      md.getColumnType(i),
                      md.getColumnTypeName(i),
                      md.getPrecision(i),
                      md.getScale(i))));
        }
      }
      List<MySqlCdc.Column> source = new ArrayList<>();
      try (PreparedStatement st =
          c.prepareStatement(
              "select column_name, column_type from information_schema.columns"
                  + " where table_schema = ? and table_name = ? order by ordinal_position")) {
        st.setString(1, database);
        st.setString(2, table);
        try (ResultSet rs = st.executeQuery()) {
          int i = 0;
          while (rs.next()) {
            source.add(new MySqlCdc.Column(rs.getString(1), cols.get(i++).type(), rs.getString(2)));
          }
        }
      }
      if (request.cursorAfter() == null) {
        snapshot(config, request, sink);
      } else {
        List<SourceColumn> all = new ArrayList<>(cols);
        all.add(new SourceColumn(ChangeCapture.POSITION, "BIGINT"));
        all.add(new SourceColumn(ChangeCapture.DELETED, "BOOLEAN"));
        sink.schema(all);
        cdc.stream(c, cols, source, sink, Long.parseLong(request.cursorAfter()));
      }
    } catch (SQLException e) {
      throw new LoadException(
          "source " + request.qualifiedName() + " (cdc): " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * The table as it was at a binlog position, each row marked with that position: read as a plain
   * extract does, inside a consistent-snapshot transaction.
   */
  private void snapshot(ConnectorConfig config, TableRequest request, RowSink sink)
      throws LoadException {
    long[] position = {-1};
    JdbcSource reader =
        new JdbcSource() {
          @Override
          public String kind() {
            return MySqlConnector.this.kind();
          }

          @Override
          public String displayName() {
            return MySqlConnector.this.displayName();
          }

          @Override
          public List<ConfigField> fields() {
            return MySqlConnector.this.fields();
          }

          @Override
          protected String url(ConnectorConfig c) throws LoadException {
            return MySqlConnector.this.url(c);
          }

          @Override
          protected Properties properties(ConnectorConfig c) {
            return MySqlConnector.this.properties(c);
          }

          @Override
          protected String quote(String identifier) {
            return MySqlConnector.this.quote(identifier);
          }

          @Override
          protected String defaultSchema(ConnectorConfig c) {
            return null;
          }

          @Override
          protected void prepareForStreaming(Connection c) throws SQLException {
            c.setAutoCommit(false);
            position[0] = MySqlCdc.startSnapshot(c);
          }
        };
    TableRequest whole =
        new TableRequest(
            request.sourceName(),
            request.table(),
            request.settings(),
            null,
            null,
            request.batchSize());
    reader.read(
        config,
        whole,
        new RowSink() {
          private int n;

          @Override
          public void schema(List<SourceColumn> columns) throws LoadException {
            n = columns.size();
            List<SourceColumn> all = new ArrayList<>(columns);
            all.add(new SourceColumn(ChangeCapture.POSITION, "BIGINT"));
            all.add(new SourceColumn(ChangeCapture.DELETED, "BOOLEAN"));
            sink.schema(all);
          }

          @Override
          public void row(Object[] values) throws LoadException {
            Object[] out = java.util.Arrays.copyOf(values, n + 2);
            out[n] = position[0];
            out[n + 1] = false;
            sink.row(out);
          }

          @Override
          public boolean cancelled() {
            return sink.cancelled();
          }
        });
  }

  @Override
  protected void bindCursor(PreparedStatement st, String cursor) throws SQLException {
    st.setString(1, cursor); // MariaDB compares a string with the column's own type
  }
}

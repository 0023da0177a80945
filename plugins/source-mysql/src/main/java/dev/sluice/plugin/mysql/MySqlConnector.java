package dev.sluice.plugin.mysql;

import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.JdbcSource;
import dev.sluice.core.spi.LoadException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** Extracts tables from MySQL or MariaDB over the MariaDB driver, streaming with a cursor fetch. */
public final class MySqlConnector extends JdbcSource {

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
  protected void bindCursor(PreparedStatement st, String cursor) throws SQLException {
    st.setString(1, cursor); // MariaDB compares a string with the column's own type
  }
}

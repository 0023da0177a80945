package dev.sluice.plugin.postgres;

import dev.sluice.core.load.ConfigField;
import dev.sluice.core.load.ConnectorConfig;
import dev.sluice.core.load.JdbcSource;
import dev.sluice.core.load.LoadException;
import java.util.List;
import java.util.Properties;

/** Extracts tables from PostgreSQL over JDBC, streaming with a server-side cursor. */
public final class PostgresConnector extends JdbcSource {

  @Override
  public String kind() {
    return "postgres";
  }

  @Override
  public String displayName() {
    return "PostgreSQL";
  }

  @Override
  public List<ConfigField> fields() {
    return List.of(
        ConfigField.optional("host", ConfigField.Type.TEXT, "localhost", "The server's host name."),
        ConfigField.optional("port", ConfigField.Type.INTEGER, "5432", "The server's port."),
        ConfigField.required("database", ConfigField.Type.TEXT, "The database to read."),
        ConfigField.optional("user", ConfigField.Type.TEXT, "postgres", "The user to connect as."),
        ConfigField.secret("password", "Write it as ${env:VAR}: secrets stay out of project files."),
        ConfigField.optional("schema", ConfigField.Type.TEXT, "public", "The schema the tables are in."),
        ConfigField.optional("sslmode", ConfigField.Type.TEXT, "prefer", "disable, prefer or require."));
  }

  @Override
  protected String url(ConnectorConfig c) throws LoadException {
    return "jdbc:postgresql://" + c.text("host", "localhost") + ":" + c.integer("port", 5432) + "/" + c.required("database");
  }

  @Override
  protected Properties properties(ConnectorConfig c) {
    Properties p = new Properties();
    p.setProperty("user", c.text("user", "postgres"));
    String password = c.text("password", null);
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("sslmode", c.text("sslmode", "prefer"));
    p.setProperty("connectTimeout", "10");
    p.setProperty("ApplicationName", "sluice");
    return p;
  }

  @Override
  protected String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  protected String defaultSchema(ConnectorConfig c) {
    return c.text("schema", "public");
  }
}

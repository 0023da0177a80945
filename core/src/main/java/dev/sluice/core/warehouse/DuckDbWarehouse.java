package dev.sluice.core.warehouse;

import dev.sluice.core.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.jdbi.v3.core.Jdbi;

/**
 * The embedded DuckDB warehouse. One database instance per file in a process ({@link OpenFiles}),
 * shared by the warehouses open on it; every connection is a duplicate, which is how DuckDB shares
 * one instance between threads.
 */
public final class DuckDbWarehouse implements Warehouse {
  private final String path;
  private final DuckDBConnection root;
  private volatile Jdbi jdbi;
  private Runnable afterClose = () -> {};
  private boolean closed;

  private DuckDbWarehouse(String path, DuckDBConnection root) {
    this.path = path;
    this.root = root;
  }

  public static DuckDbWarehouse open(Target target) {
    return open(target.path());
  }

  /**
   * Opens the file, waiting as {@code wait} says while another process holds it: the first line
   * names the holder, e.g. "waiting for `sluice build` (pid 7546) started 08:12".
   */
  public static DuckDbWarehouse open(String path, LockWait wait) {
    long deadline = System.nanoTime() + wait.timeout().toNanos();
    long nextNote = 0;
    long waitingSince = System.nanoTime();
    while (true) {
      try {
        return open(path);
      } catch (WarehouseException e) {
        if (!(e.getCause() instanceof SQLException sql) || !isLocked(message(sql))) {
          throw e;
        }
        String holder = Holder.describe(path, message(sql)).orElse("another process");
        if (!wait.waits() || System.nanoTime() > deadline) {
          throw new WarehouseException(
              "the DuckDB file "
                  + path
                  + " is in use by "
                  + holder
                  + (wait.waits()
                      ? "; gave up after waiting " + wait.timeout().toSeconds() + " s"
                      : "; run again when it is done, or without --no-wait to wait for it"),
              e);
        }
        if (System.nanoTime() >= nextNote) {
          long waited = (System.nanoTime() - waitingSince) / 1_000_000_000L;
          wait.progress()
              .accept(
                  waited == 0
                      ? "waiting for "
                          + holder
                          + " to let go of "
                          + path
                          + " (up to "
                          + wait.timeout().toSeconds()
                          + " s; --no-wait fails at once)"
                      : "still waiting for " + holder + " (" + waited + " s)");
          nextNote = System.nanoTime() + 30_000_000_000L;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Opens (creating if needed) a DuckDB file, or an in-memory database for {@code :memory:}. */
  public static DuckDbWarehouse open(String path) {
    boolean memory = path == null || path.isBlank() || path.equals(":memory:");
    try {
      if (!memory) {
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      }
      Properties props = new Properties();
      // Results stream instead of being built whole in memory; previews of huge tables need this.
      props.setProperty("jdbc_stream_results", "true");
      DuckDBConnection c =
          memory
              ? DriverManager.getConnection("jdbc:duckdb:", props).unwrap(DuckDBConnection.class)
              : OpenFiles.acquire(
                  path,
                  p ->
                      DriverManager.getConnection("jdbc:duckdb:" + p, props)
                          .unwrap(DuckDBConnection.class));
      NativeCopies.tidyOnce();
      return new DuckDbWarehouse(memory ? ":memory:" : path, c);
    } catch (SQLException e) {
      throw new WarehouseException(explain(path, e), e);
    } catch (java.io.IOException e) {
      throw new WarehouseException(
          "cannot create the folder for the DuckDB file " + path + ": " + e.getMessage(), e);
    }
  }

  private static String explain(String path, SQLException e) {
    String msg = message(e);
    if (isLocked(msg)) {
      return "the DuckDB file "
          + path
          + " is in use by "
          + Holder.describe(path, msg).orElse("another process")
          + "; close the other program (another sluice run or the app) and try again";
    }
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("corrupt")
        || lower.contains("checksum")
        || lower.contains("not a valid duckdb database file")) {
      return "the DuckDB file "
          + path
          + " is damaged or is not a DuckDB database ("
          + firstLine(msg)
          + "); move it aside and build again to recreate the warehouse from the project";
    }
    return "cannot open the DuckDB file " + path + ": " + firstLine(msg);
  }

  /** DuckDB's words for a file another process holds (not "block", which corruption uses). */
  static boolean isLocked(String msg) {
    String lower = msg.toLowerCase(Locale.ROOT);
    return lower.contains("could not set lock") || lower.contains("conflicting lock");
  }

  private static String message(SQLException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Something to do once the database is closed (a temporary copy to delete). */
  void onClose(Runnable action) {
    this.afterClose = action;
  }

  public String path() {
    return path;
  }

  @Override
  public String type() {
    return "duckdb";
  }

  /** {@code db.information_schema.tables} and its siblings, with the catalog they name. */
  private static final java.util.regex.Pattern CATALOG_INFORMATION_SCHEMA =
      java.util.regex.Pattern.compile(
          "(?i)(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*))\\s*\\.\\s*\"?information_schema\"?"
              + "\\s*\\.\\s*\"?(tables|columns|views|schemata)\"?(?![A-Za-z0-9_$])");

  /**
   * DuckDB keeps one {@code information_schema} for all its catalogs, so {@code
   * db.information_schema.tables} (the standard form, which packages such as dbt_utils query) does
   * not read: it becomes that schema's view narrowed to the catalog named.
   */
  /** DuckDB runs the query and answers one row: the key and the profile as JSON. */
  @Override
  public Optional<String> explainAnalyzeSql(String sql) {
    return Optional.of("explain (analyze, format json) " + sql);
  }

  @Override
  public String forMacroQuery(String sql) {
    java.util.regex.Matcher m = CATALOG_INFORMATION_SCHEMA.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String catalog = m.group(1) != null ? m.group(1) : m.group(2);
      if (catalog.equalsIgnoreCase("system") || catalog.equalsIgnoreCase("temp")) {
        m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group()));
        continue;
      }
      String view = m.group(3).toLowerCase(java.util.Locale.ROOT);
      String column = view.equals("schemata") ? "catalog_name" : "table_catalog";
      m.appendReplacement(
          out,
          java.util.regex.Matcher.quoteReplacement(
              "(select * from information_schema."
                  + view
                  + " where "
                  + column
                  + " = "
                  + Sql.literal(catalog)
                  + ")"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Made on first use: a run never asks for it, and making one loads a few hundred classes. */
  @Override
  public Jdbi jdbi() {
    Jdbi j = jdbi;
    if (j == null) {
      synchronized (this) {
        if (jdbi == null) {
          jdbi = Jdbi.create(this::connect);
        }
        j = jdbi;
      }
    }
    return j;
  }

  @Override
  public Connection connect() throws SQLException {
    return root.duplicate();
  }

  // the catalog reads below go over plain JDBC (PlainSql): a run makes them on start, and JDBI's
  // first statement costs more than they do

  @Override
  public Optional<RelationKind> relationKind(String schema, String name) {
    return PlainSql.query(
            this,
            "select table_type from information_schema.tables where table_schema = ? and table_name = ?"
                + " and table_catalog = current_database()",
            rs -> rs.getString(1).equalsIgnoreCase("VIEW") ? RelationKind.VIEW : RelationKind.TABLE,
            schema,
            name)
        .stream()
        .findFirst();
  }

  @Override
  public List<ColumnInfo> columns(String schema, String name) {
    return PlainSql.query(
        this,
        "select column_name, data_type, is_nullable from information_schema.columns"
            + " where table_schema = ? and table_name = ? and table_catalog = current_database()"
            + " order by ordinal_position",
        rs -> new ColumnInfo(rs.getString(1), rs.getString(2), "YES".equals(rs.getString(3))),
        schema,
        name);
  }

  @Override
  public List<RelationInfo> relations() {
    return PlainSql.query(
        this,
        "select table_schema, table_name, table_type from information_schema.tables"
            + " where table_catalog = current_database() and table_schema <> ?"
            + " order by table_schema, table_name",
        rs ->
            new RelationInfo(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3).equalsIgnoreCase("VIEW") ? RelationKind.VIEW : RelationKind.TABLE),
        META_SCHEMA);
  }

  @Override
  public void ensureSchema(String schema) {
    PlainSql.execute(this, "create schema if not exists " + quote(schema));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return; // a second close must not let go of the file for another warehouse on it
    }
    closed = true;
    try {
      root.close();
    } catch (SQLException e) {
      // closing a database that failed is not worth a second error
    }
    if (!path.equals(":memory:")) {
      OpenFiles.release(path);
    }
    afterClose.run();
  }
}

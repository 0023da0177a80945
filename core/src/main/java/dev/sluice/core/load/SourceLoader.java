package dev.sluice.core.load;

import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.AfterCommit;
import dev.sluice.core.spi.ChangeCapture;
import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.CsvExport;
import dev.sluice.core.spi.JsonRecords;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.SourceConnector;
import dev.sluice.core.spi.TableRequest;
import dev.sluice.core.warehouse.CatalogChanges;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Extracts one source table and loads it into the warehouse. Rows are staged first (through
 * DuckDB's Appender, or read by DuckDB itself for files and JSON), then applied with the table's
 * write disposition in one transaction with its cursor and load record, so a failed load changes
 * nothing and a retry starts from the same cursor.
 */
public final class SourceLoader {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SourceLoader.class);
  private static final int BATCH = 10_000;

  private final Warehouse warehouse;
  private final Map<String, String> env;
  private final ConnectorRegistry connectors;
  private final Path projectRoot;
  private volatile SqlSession session;
  private volatile boolean cancelled;

  public SourceLoader(Warehouse warehouse, Map<String, String> env) {
    this(warehouse, env, ConnectorRegistry.discover(), Path.of("."));
  }

  public SourceLoader(
      Warehouse warehouse,
      Map<String, String> env,
      ConnectorRegistry connectors,
      Path projectRoot) {
    this.warehouse = warehouse;
    this.env = env;
    this.connectors = connectors;
    this.projectRoot = projectRoot;
  }

  public LoadReport load(SourceTable table, LoadOptions options) throws LoadException {
    SourceTable.LoadSpec spec = table.load();
    if (spec == null) {
      throw new LoadException(
          "source " + table.qualifiedName() + " names no connector, so Sluice does not load it");
    }
    SourceConnector connector = connectors.require(spec.connector(), table.sourceName());
    ConnectorConfig config =
        ConnectorConfig.resolve(table.sourceName(), withBasePath(spec.connection()), env);
    TableSettings settings = TableSettings.of(table);
    // a table's own settings (endpoint, params) take ${env:VAR} as the connection's do
    Map<String, Object> tableSpec =
        ConnectorConfig.resolve(table.sourceName(), spec.table(), env).values();
    for (ConfigField f : connector.fields()) {
      if (f.secret()) {
        dev.sluice.core.spi.Secrets.remember(config.text(f.name(), null));
      }
    }
    String loadId = UUID.randomUUID().toString();
    // staged beside the raw table, so that a replace can rename it into place instead of copying it
    String stage = table.identifier() + "__sluice_stage_" + loadId.substring(0, 8);
    try (SqlSession s = SqlSession.open(warehouse)) {
      session = s;
      if (cancelled) {
        s.cancel();
      }
      CatalogChanges.oneAtATime(
          () -> {
            LoadState.ensure(s);
            FileTracking.ensure(s);
            SchemaHistory.ensure(s);
          });
      String before =
          options.fullRefresh() ? null : LoadState.cursor(s, table.sourceName(), table.name());
      LoadState.started(s, loadId, options.runId(), table.sourceName(), table.name(), before);
      try {
        TableRequest request =
            new TableRequest(
                table.sourceName(),
                table.name(),
                tableSpec,
                settings.cursor(),
                settings.cursor() == null ? null : before,
                BATCH);
        long t0 = System.nanoTime();
        Staging staging = new Staging(s, warehouse, table.schema(), stage, loadId, () -> cancelled);
        FileTracking.Plan files = null;
        if (connector instanceof FilesConnector fc) {
          List<Path> all = fc.files(config, request);
          files =
              settings.disposition() == Disposition.REPLACE
                  ? FileTracking.Plan.everything(all)
                  : FileTracking.plan(
                      s,
                      table.sourceName(),
                      table.name(),
                      Path.of(config.text("base_path", ".")),
                      all,
                      settings.onChange(),
                      options.fullRefresh(),
                      table.qualifiedName());
          if (settings.disposition() != Disposition.REPLACE && !options.fullRefresh()) {
            CsvHeaders.check(s, table, files.read(), Path.of(config.text("base_path", ".")));
          }
          staging.files(fc, files.read());
        }
        long staged = staging.stage(connector, config, request);
        long t1 = System.nanoTime();
        Applier applier = new Applier(s, warehouse, table, settings, stage, loadId).files(files);
        String after = applier.apply(staged, staging.stamped(), before, options.fullRefresh());
        LOG.debug(
            "{}: staged {} rows in {} ms, applied in {} ms",
            table.qualifiedName(),
            staged,
            (t1 - t0) / 1_000_000,
            (System.nanoTime() - t1) / 1_000_000);
        String msg =
            describe(table, settings, applier.rowsWritten(), before, after)
                + notes(applier.notes(), files);
        LoadState.finished(s, loadId, "success", applier.rowsWritten(), after, msg);
        if (options.forgetEmpty()
            && applier.rowsWritten() == 0
            && java.util.Objects.equals(before, after)) {
          LoadState.forget(s, loadId);
        }
        if (connector instanceof AfterCommit ac) {
          ac.committed(request, after);
        }
        return new LoadReport(loadId, applier.rowsWritten(), before, after, msg);
      } catch (LoadException | SQLException | RuntimeException e) {
        s.rollbackQuietly();
        if (connector instanceof AfterCommit ac) {
          ac.failed(
              new TableRequest(
                  table.sourceName(),
                  table.name(),
                  spec.table(),
                  settings.cursor(),
                  before,
                  BATCH));
        }
        String msg =
            e instanceof LoadException
                ? e.getMessage()
                : "source "
                    + table.qualifiedName()
                    + ": "
                    + (cancelled ? "cancelled" : firstLine(e.getMessage()));
        try (SqlSession record = SqlSession.open(warehouse)) {
          LoadState.finished(record, loadId, cancelled ? "cancelled" : "failed", 0, before, msg);
        } catch (SQLException ignored) {
          // the load's own failure is the news; recording it is second
        }
        throw e instanceof LoadException le ? le : new LoadException(msg, e);
      } finally {
        dropQuietly(table.schema(), stage);
      }
    } catch (SQLException e) {
      throw new LoadException(
          "source " + table.qualifiedName() + ": " + firstLine(e.getMessage()), e);
    } finally {
      session = null;
    }
  }

  /** Stops the load in progress: reading stops, the transaction rolls back, the cursor stays. */
  public void cancel() {
    cancelled = true;
    SqlSession s = session;
    if (s != null) {
      s.cancel();
    }
  }

  private Map<String, Object> withBasePath(Map<String, Object> connection) {
    if (connection.containsKey("base_path")) {
      Object bp = connection.get("base_path");
      if (bp != null && !Path.of(bp.toString()).isAbsolute()) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(connection);
        copy.put("base_path", projectRoot.resolve(bp.toString()).toString());
        return copy;
      }
      return connection;
    }
    Map<String, Object> copy = new java.util.LinkedHashMap<>(connection);
    copy.put("base_path", projectRoot.toString());
    return copy;
  }

  private void dropQuietly(String schema, String stage) {
    try (SqlSession s = SqlSession.open(warehouse)) {
      s.execute("drop table if exists " + warehouse.relation(schema, stage));
    } catch (SQLException e) {
      // a leftover stage table is harmless and named for its load
    }
  }

  private static String describe(
      SourceTable t, TableSettings s, long rows, String before, String after) {
    StringBuilder sb =
        new StringBuilder(s.disposition().label())
            .append(' ')
            .append(rows)
            .append(" row")
            .append(rows == 1 ? "" : "s")
            .append(" into ")
            .append(t.schema())
            .append('.')
            .append(t.identifier());
    if (s.cursor() != null) {
      sb.append(
          before == null || before.equals(after)
              ? ""
              : " (cursor " + before + " -> " + after + ")");
      if (before == null && after != null) {
        sb.append(" (cursor now ").append(after).append(')');
      }
    }
    return sb.toString();
  }

  private static String notes(List<String> notes, FileTracking.Plan files) {
    List<String> all = new java.util.ArrayList<>(notes);
    if (files != null && !files.describe().isEmpty()) {
      all.add(files.describe());
    }
    return all.isEmpty() ? "" : "; " + String.join("; ", all);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** The table's load settings, as written under the table in the source file. */
  record TableSettings(
      List<String> primaryKey,
      String cursor,
      Disposition disposition,
      boolean frozen,
      String softDelete,
      Contract contract,
      FileTracking.OnChange onChange) {
    static TableSettings of(SourceTable t) throws LoadException {
      Map<String, Object> m = t.load().table();
      List<String> pk = NodeConfig.asStrings(m.get("primary_key"));
      String cursor = m.get("cursor") == null ? null : m.get("cursor").toString();
      if (ChangeCapture.isOn(m)) {
        return CdcTables.settings(t, pk);
      }
      Disposition d;
      Object wd = m.get("write_disposition");
      if (wd == null) {
        d =
            !pk.isEmpty()
                ? Disposition.MERGE
                : cursor != null ? Disposition.APPEND : Disposition.REPLACE;
      } else {
        try {
          d = Disposition.valueOf(wd.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new LoadException(
              "source "
                  + t.qualifiedName()
                  + ": write_disposition '"
                  + wd
                  + "' is not one of replace, append, merge");
        }
      }
      if (d == Disposition.MERGE && pk.isEmpty()) {
        throw new LoadException("source " + t.qualifiedName() + ": merge needs primary_key");
      }
      Contract contract = Contract.of(m.get("contract"), t.qualifiedName());
      boolean frozen = contract.columns() == Contract.Mode.FREEZE;
      String soft = m.get("soft_delete") == null ? null : m.get("soft_delete").toString();
      return new TableSettings(
          pk,
          cursor,
          d,
          frozen,
          soft,
          contract,
          FileTracking.OnChange.of(m.get("on_change"), t.qualifiedName()));
    }
  }

  /** How loaded rows meet the rows already there. */
  enum Disposition {
    REPLACE,
    APPEND,
    MERGE;

    String label() {
      return switch (this) {
        case REPLACE -> "replaced with";
        case APPEND -> "appended";
        case MERGE -> "merged";
      };
    }
  }

  /** Writes extracted rows into a stage table. */
  static final class Staging {
    private final SqlSession s;
    private final Warehouse w;
    private final String schema;
    private final String stage;
    private final java.util.function.BooleanSupplier cancelled;

    private final String loadId;
    private boolean stamped;

    Staging(
        SqlSession s,
        Warehouse w,
        String schema,
        String stage,
        String loadId,
        java.util.function.BooleanSupplier cancelled) {
      this.loadId = loadId;
      this.s = s;
      this.w = w;
      this.schema = schema;
      this.stage = stage;
      this.cancelled = cancelled;
    }

    private String stamp() throws SQLException {
      Object now = s.rows("select current_timestamp::timestamp::varchar as t", 1).get(0).get("t");
      return ", "
          + LoadState.lit(loadId)
          + " as _sluice_load_id, timestamp "
          + LoadState.lit(String.valueOf(now))
          + " as _sluice_loaded_at";
    }

    private FilesConnector filesConnector;
    private List<Path> fileList;

    /** Reads exactly these files (those not loaded before) instead of the whole path. */
    void files(FilesConnector c, List<Path> read) {
      this.filesConnector = c;
      this.fileList = read;
    }

    /** Whether the stage carries the load columns already. */
    boolean stamped() {
      return stamped;
    }

    long stage(SourceConnector c, ConnectorConfig config, TableRequest request)
        throws LoadException, SQLException {
      String rel = w.relation(schema, stage);
      s.createSchemaIfMissing(w.quote(schema));
      if (c instanceof DirectScan scan) {
        if (fileList != null && fileList.isEmpty()) {
          s.execute("create table " + rel + " (_sluice_empty boolean)");
          return 0;
        }
        try {
          String where = "";
          if (request.cursorColumn() != null && request.cursorAfter() != null) {
            // a string literal takes the column's type in the comparison; null cursors stay in to
            // be refused
            String col = w.quote(request.cursorColumn());
            where =
                " where "
                    + col
                    + " > "
                    + LoadState.lit(request.cursorAfter())
                    + " or "
                    + col
                    + " is null";
          }
          // the load columns come with the table, so applying need not rewrite it
          s.execute(
              "create table "
                  + rel
                  + " as select columns(lambda c: c not in ('_sluice_load_id', '_sluice_loaded_at'))"
                  + stamp()
                  + " from "
                  + (fileList != null
                      ? filesConnector.scan(config, request, fileList)
                      : scan.scan(config, request))
                  + where);
          stamped = true;
        } catch (SQLException e) {
          Path base = Path.of(config.text("base_path", "."));
          String csv = CsvShape.fromDuckDb(e.getMessage(), base);
          if (csv == null) {
            csv = CsvShape.jsonFromDuckDb(e.getMessage(), base);
          }
          throw new LoadException(
              "source "
                  + request.qualifiedName()
                  + ": "
                  + (csv != null ? csv : e.getMessage().replaceAll("\\s*\\n\\s*", " ").strip()),
              e);
        }
        return s.count("select * from " + rel);
      }
      if (c instanceof CsvExport csv && csv.exports(request)) {
        stamped = true;
        return new CsvPipeline(s, rel, request, loadId, cancelled).stage(csv, config);
      }
      if (c instanceof JsonRecords json) {
        return stageJson(json, config, request, rel);
      }
      AppenderSink sink = new AppenderSink(s, w, schema, stage, request, cancelled);
      try {
        c.read(config, request, sink);
        return sink.finish();
      } finally {
        sink.closeQuietly();
      }
    }

    private static void deleteQuietly(Path file) {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the temp folder is cleaned by the system too
        }
      }
    }

    private long stageJson(
        JsonRecords json, ConnectorConfig config, TableRequest request, String rel)
        throws LoadException, SQLException {
      Path file = null;
      try {
        file =
            Files.createTempFile(
                "sluice-" + dev.sluice.core.safety.SafePaths.fileName(request.table()) + "-",
                ".ndjson");
        long n;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          n = json.extract(config, request, out, cancelled);
        }
        if (n == 0) {
          s.execute("create table " + rel + " (_sluice_empty boolean)");
          return 0;
        }
        s.execute(
            "create table "
                + rel
                + " as select * from read_json_auto("
                + dev.sluice.core.warehouse.Sql.literal(file.toString())
                + ", format = 'newline_delimited')");
        return n;
      } catch (IOException e) {
        throw new LoadException(
            "source " + request.qualifiedName() + ": cannot stage records: " + e.getMessage(), e);
      } finally {
        deleteQuietly(file);
      }
    }
  }
}

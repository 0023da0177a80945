package dev.sluice.core.load;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies staged rows to the raw table with its write disposition, evolving the schema (or refusing
 * to, under {@code contract: freeze}), and saves the cursor, all in one transaction.
 */
final class Applier {
  private static final List<String> INTEGERS =
      List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT");

  private final SqlSession s;
  private final Warehouse w;
  private final SourceTable table;
  private final SourceLoader.TableSettings settings;
  private final String stage;
  private final String loadId;
  private long written;
  private FileTracking.Plan files;
  private Drift drift;
  private Nesting nesting;
  private final String stageName;

  Applier(
      SqlSession s,
      Warehouse w,
      SourceTable table,
      SourceLoader.TableSettings settings,
      String stage,
      String loadId) {
    this.s = s;
    this.w = w;
    this.table = table;
    this.settings = settings;
    this.stage = w.relation(table.schema(), stage);
    this.stageName = stage;
    this.loadId = loadId;
  }

  long rowsWritten() {
    return written;
  }

  /** The files this load reads, recorded in its transaction (files sources only). */
  Applier files(FileTracking.Plan plan) {
    this.files = plan;
    return this;
  }

  /** What the load changed in the raw table's schema, or refused to, for its report. */
  List<String> notes() {
    List<String> all = new ArrayList<>(drift == null ? List.of() : drift.notes());
    if (nesting != null) {
      all.addAll(nesting.notes());
    }
    return all;
  }

  /**
   * Returns the cursor after this load. {@code stamped}: the stage already carries this load's
   * {@code _sluice_load_id} and {@code _sluice_loaded_at}.
   */
  String apply(long staged, boolean stamped, String before, boolean fullRefresh)
      throws SQLException, LoadException {
    try {
      return write(staged, stamped, before, fullRefresh);
    } finally {
      if (nesting != null) {
        nesting.cleanUp(s);
      }
    }
  }

  private String write(long staged, boolean stamped, String before, boolean fullRefresh)
      throws SQLException, LoadException {
    String target = w.relation(table.schema(), table.identifier());
    boolean exists = w.exists(table.schema(), table.identifier());
    String cursor = settings.cursor();
    if (staged > 0 && cursor != null) {
      long nulls = s.count("select 1 from " + stage + " where " + w.quote(cursor) + " is null");
      if (nulls > 0) {
        throw new LoadException(
            "source "
                + table.qualifiedName()
                + ": "
                + nulls
                + " row"
                + (nulls == 1 ? " has" : "s have")
                + " a null cursor ("
                + cursor
                + "); nothing was loaded and the cursor did not move");
      }
    }
    String after = before;
    if (staged > 0 && cursor != null) {
      // read before the stage is renamed into place
      Object max =
          s.rows("select max(" + w.quote(cursor) + ")::varchar as m from " + stage, 1)
              .get(0)
              .get("m");
      after = max == null ? before : max.toString();
    }
    if (!exists && !fullRefresh && settings.contract().tables() == Contract.Mode.FREEZE) {
      throw new LoadException(
          "source "
              + table.qualifiedName()
              + ": the raw table "
              + table.schema()
              + "."
              + table.identifier()
              + " does not exist and the contract freezes tables; create it with --full-refresh"
              + " or set tables: evolve");
    }
    nesting = Nesting.of(table.load().table(), table.qualifiedName());
    if (staged > 0 && nesting.active()) {
      nesting.prepare(s, w, table.schema(), stageName, settings.primaryKey());
    }
    if (staged > 0 && exists && !fullRefresh) {
      drift = new Drift(s, w, table, settings.contract(), stage, target);
      drift.fit();
    }
    s.begin();
    if (files != null) {
      FileTracking.record(s, table.sourceName(), table.name(), files, loadId, fullRefresh);
      if (exists
          && !fullRefresh
          && !files.reloaded().isEmpty()
          && settings.disposition() == SourceLoader.Disposition.APPEND
          && cursor == null
          && s.columnNames(target).contains("_sluice_file")) {
        // a changed file's rows are replaced by its new content
        s.execute(
            "delete from "
                + target
                + " where _sluice_file in ("
                + String.join(", ", files.reloaded().stream().map(LoadState::lit).toList())
                + ")");
      }
    }
    if (staged == 0) {
      if (settings.disposition() == SourceLoader.Disposition.REPLACE && exists && cursor == null) {
        s.execute("delete from " + target); // the source is empty now, and replace mirrors it
      }
    } else {
      if (!stamped) {
        for (String c : List.of("_sluice_load_id", "_sluice_loaded_at")) {
          if (s.columnNames(stage).contains(c)) {
            s.execute(
                "alter table "
                    + stage
                    + " drop column "
                    + c); // a source that re-exports a raw table gets new ones
          }
        }
        s.execute(
            "alter table "
                + stage
                + " add column _sluice_load_id varchar default "
                + LoadState.lit(loadId));
        s.execute(
            "alter table "
                + stage
                + " add column _sluice_loaded_at timestamp default current_timestamp::timestamp");
      }
      String rows = dedupedRows();
      String filter =
          settings.softDelete() == null
              ? ""
              : " where not coalesce(" + w.quote(settings.softDelete()) + ", false)";
      if (settings.disposition() == SourceLoader.Disposition.REPLACE || !exists || fullRefresh) {
        if (exists) {
          s.execute("drop table " + target);
        }
        if (settings.primaryKey().isEmpty()) {
          s.execute("alter table " + stage + " rename to " + w.quote(table.identifier()));
          written = staged;
        } else {
          s.execute("create table " + target + " as select * from (" + rows + ") as r" + filter);
          written = s.count("select * from " + target);
        }
      } else {
        List<String> columns = evolve(target);
        for (String carried : s.columnNames(stage)) {
          if (Drift.CARRIED.containsKey(carried)) {
            columns.add(carried);
          }
        }
        String cols = String.join(", ", columns.stream().map(w::quote).toList());
        if (settings.disposition() == SourceLoader.Disposition.MERGE) {
          String on =
              String.join(
                  " and ",
                  settings.primaryKey().stream()
                      .map(k -> target + "." + w.quote(k) + " = incoming." + w.quote(k))
                      .toList());
          s.execute("delete from " + target + " using (" + rows + ") as incoming where " + on);
        }
        long n =
            s.execute(
                "insert into "
                    + target
                    + " ("
                    + cols
                    + ", _sluice_load_id, _sluice_loaded_at) select "
                    + cols
                    + ", '"
                    + loadId
                    + "', current_timestamp::timestamp from ("
                    + rows
                    + ") as r"
                    + filter);
        written = Math.max(n, 0);
      }
    }
    if (staged > 0) {
      nesting.write(
          s,
          w,
          table.schema(),
          table.identifier(),
          stage,
          settings.disposition() == SourceLoader.Disposition.REPLACE || !exists || fullRefresh,
          loadId);
    }
    if (cursor != null && after != null) {
      LoadState.saveCursor(s, table.sourceName(), table.name(), cursor, after);
    } else if (fullRefresh) {
      LoadState.clearCursor(s, table.sourceName(), table.name());
    }
    if (s.count(
            "select 1 from information_schema.tables where table_schema = "
                + LoadState.lit(table.schema())
                + " and table_name = "
                + LoadState.lit(table.identifier()))
        > 0) {
      SchemaHistory.record(
          s, table.sourceName(), table.name(), target, loadId, String.join("; ", notes()));
    }
    s.commit();
    return after;
  }

  /** The staged rows, with one row per primary key (the newest) when merging. */
  private String dedupedRows() {
    if (settings.primaryKey().isEmpty()) {
      return "select * from " + stage;
    }
    String keys = String.join(", ", settings.primaryKey().stream().map(w::quote).toList());
    String order =
        (settings.cursor() == null ? "" : w.quote(settings.cursor()) + " desc nulls last, ")
            + "rowid desc";
    return "select * exclude (sluice_row) from (select *, row_number() over (partition by "
        + keys
        + " order by "
        + order
        + ") as sluice_row from "
        + stage
        + ") where sluice_row = 1";
  }

  /**
   * Makes the raw table fit the staged columns by the changes the drift settled on. Returns the
   * staged columns.
   */
  private List<String> evolve(String target) throws SQLException {
    if (drift != null) {
      for (String ddl : drift.changes()) {
        s.execute(ddl);
      }
    }
    return new ArrayList<>(types(stage).keySet());
  }

  private Map<String, String> types(String relation) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> r :
        s.rows(
            "select column_name, column_type from (describe " + relation + ")",
            Integer.MAX_VALUE)) {
      String name = String.valueOf(r.get("column_name"));
      if (!name.startsWith("_sluice_")) {
        out.put(name, String.valueOf(r.get("column_type")).toUpperCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** Whether values of {@code incoming} fit a column of type {@code have} as it is. */
  static boolean fits(String incoming, String have) {
    int i = INTEGERS.indexOf(incoming);
    int h = INTEGERS.indexOf(have);
    if (i >= 0 && h >= 0) {
      return i <= h;
    }
    return (i >= 0 && (have.equals("DOUBLE") || have.startsWith("DECIMAL")))
        || have.equals("VARCHAR")
        || (incoming.equals("FLOAT") && have.equals("DOUBLE"))
        || (incoming.equals("DATE") && have.startsWith("TIMESTAMP"));
  }

  static boolean widens(String have, String incoming) {
    return fits(have, incoming);
  }
}

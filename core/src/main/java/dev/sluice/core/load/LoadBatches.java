package dev.sluice.core.load;

import dev.sluice.core.project.Project;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.warehouse.CatalogChanges;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loads recorded in {@code _sluice.loads}, and dropping one: its rows leave every raw table it
 * wrote, the cursors it advanced go back, and the files it read are forgotten, all in one
 * transaction, so the next load takes the same data again.
 */
public final class LoadBatches {
  private LoadBatches() {}

  /** One recorded load of one table. */
  public record Load(
      String loadId,
      String runId,
      String source,
      String table,
      String startedAt,
      String status,
      long rows,
      String cursorBefore,
      String cursorAfter,
      String message) {}

  /** The newest loads first, at most {@code limit}. */
  public static List<Load> recent(Warehouse w, int limit) throws LoadException {
    try (SqlSession s = SqlSession.open(w)) {
      CatalogChanges.oneAtATime(() -> LoadState.ensure(s));
      return select(s, "true order by started_at desc", limit);
    } catch (SQLException e) {
      throw new LoadException("cannot read the load records: " + e.getMessage(), e);
    }
  }

  /**
   * Drops one load (by its id, or an id's first characters) or every load of one run. Returns what
   * was done, for people: {@code dropped load 3d11df14: 2 rows from landing.orders, cursor back to
   * ...}.
   */
  public static List<String> drop(Warehouse w, Project project, String id) throws LoadException {
    if (id == null || id.isBlank()) {
      throw new LoadException("--drop-load needs a load id (see sluice load --list)");
    }
    try (SqlSession s = SqlSession.open(w)) {
      CatalogChanges.oneAtATime(
          () -> {
            LoadState.ensure(s);
            FileTracking.ensure(s);
          });
      String lit = LoadState.lit(id.strip());
      List<Load> loads =
          select(
              s,
              "(load_id = "
                  + lit
                  + " or run_id = "
                  + lit
                  + " or starts_with(load_id, "
                  + lit
                  + ")) and status = 'success' order by started_at",
              Integer.MAX_VALUE);
      if (loads.isEmpty()) {
        throw new LoadException(
            "no successful load or run with id " + id + "; see sluice load --list");
      }
      if (loads.stream().map(Load::runId).distinct().count() > 1
          && loads.stream().noneMatch(l -> l.loadId().equals(id.strip()))) {
        throw new LoadException(
            "the id "
                + id
                + " starts more than one load; give more of it (see sluice load --list)");
      }
      List<String> done = new ArrayList<>();
      s.begin();
      try {
        for (Load l : loads) {
          done.add(dropOne(s, w, project, l));
        }
        s.commit();
      } catch (SQLException | LoadException | RuntimeException e) {
        s.rollbackQuietly();
        throw e;
      }
      return done;
    } catch (SQLException e) {
      throw new LoadException("cannot drop load " + id + ": " + e.getMessage(), e);
    }
  }

  private static String dropOne(SqlSession s, Warehouse w, Project project, Load l)
      throws SQLException, LoadException {
    SourceTable t =
        project
            .source(l.source(), l.table())
            .orElseThrow(
                () ->
                    new LoadException(
                        "load "
                            + l.loadId()
                            + " wrote "
                            + l.source()
                            + "."
                            + l.table()
                            + ", which the project no longer has; nothing was dropped"));
    long rows = 0;
    String relation = w.relation(t.schema(), t.identifier());
    boolean exists =
        s.count(
                "select 1 from information_schema.columns where table_schema = "
                    + LoadState.lit(t.schema())
                    + " and table_name = "
                    + LoadState.lit(t.identifier())
                    + " and column_name = '_sluice_load_id'")
            > 0;
    if (exists) {
      rows =
          s.execute(
              "delete from " + relation + " where _sluice_load_id = " + LoadState.lit(l.loadId()));
    }
    for (Map<String, Object> child :
        s.rows(
            "select table_name from information_schema.columns where table_schema = "
                + LoadState.lit(t.schema())
                + " and starts_with(table_name, "
                + LoadState.lit(t.identifier() + "__")
                + ") and column_name = '_sluice_parent_id'",
            Integer.MAX_VALUE)) {
      s.execute(
          "delete from "
              + w.relation(t.schema(), String.valueOf(child.get("table_name")))
              + " where _sluice_load_id = "
              + LoadState.lit(l.loadId()));
    }
    StringBuilder out =
        new StringBuilder("dropped load ")
            .append(l.loadId(), 0, Math.min(8, l.loadId().length()))
            .append(": ")
            .append(rows)
            .append(rows == 1 ? " row" : " rows")
            .append(" from ")
            .append(t.schema())
            .append('.')
            .append(t.identifier());
    if (l.cursorAfter() != null && !l.cursorAfter().equals(l.cursorBefore())) {
      String column = LoadState.cursorColumn(s, l.source(), l.table());
      if (l.cursorBefore() == null) {
        LoadState.clearCursor(s, l.source(), l.table());
        out.append(", cursor cleared");
      } else {
        LoadState.saveCursor(
            s,
            l.source(),
            l.table(),
            column == null ? String.valueOf(t.load().table().get("cursor")) : column,
            l.cursorBefore());
        out.append(", cursor back to ").append(l.cursorBefore());
      }
      long later =
          s.count(
              "select 1 from "
                  + LoadState.LOADS
                  + " where source = "
                  + LoadState.lit(l.source())
                  + " and table_name = "
                  + LoadState.lit(l.table())
                  + " and status = 'success' and rows > 0 and started_at > "
                  + "(select started_at from "
                  + LoadState.LOADS
                  + " where load_id = "
                  + LoadState.lit(l.loadId())
                  + ")");
      if (later > 0) {
        out.append(" (")
            .append(later)
            .append(later == 1 ? " later load's" : " later loads'")
            .append(" rows past it will be read again)");
      }
    }
    long files =
        s.execute(
            "delete from " + FileTracking.FILES + " where load_id = " + LoadState.lit(l.loadId()));
    if (files > 0) {
      out.append(", ").append(files).append(files == 1 ? " file" : " files").append(" forgotten");
    }
    s.execute(
        "update "
            + LoadState.LOADS
            + " set status = 'dropped', message = coalesce(message, '') || ' (dropped)' where"
            + " load_id = "
            + LoadState.lit(l.loadId()));
    return out.toString();
  }

  private static List<Load> select(SqlSession s, String where, int limit) throws SQLException {
    List<Load> out = new ArrayList<>();
    for (Map<String, Object> r :
        s.rows(
            "select load_id, run_id, source, table_name, started_at::varchar as started, status,"
                + " coalesce(rows, 0) as rows, cursor_before, cursor_after, message from "
                + LoadState.LOADS
                + " where "
                + where,
            limit)) {
      out.add(
          new Load(
              str(r.get("load_id")),
              str(r.get("run_id")),
              str(r.get("source")),
              str(r.get("table_name")),
              str(r.get("started")),
              str(r.get("status")),
              ((Number) r.get("rows")).longValue(),
              str(r.get("cursor_before")),
              str(r.get("cursor_after")),
              str(r.get("message"))));
    }
    return out;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}

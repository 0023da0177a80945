package dev.sluice.core.load;

import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Load records and incremental cursors in the warehouse's metadata schema. The cursor is written in
 * the same transaction as the rows it covers, so a failed load leaves it where it was.
 */
final class LoadState {
  static final String LOADS = "\"" + Warehouse.META_SCHEMA + "\".\"loads\"";
  static final String STATE = "\"" + Warehouse.META_SCHEMA + "\".\"load_state\"";

  private LoadState() {}

  static void ensure(SqlSession s) throws SQLException {
    s.execute("create schema if not exists \"" + Warehouse.META_SCHEMA + "\"");
    s.execute(
        "create table if not exists "
            + LOADS
            + " (load_id varchar primary key, run_id varchar, source varchar,"
            + " table_name varchar, started_at timestamp, finished_at timestamp, status varchar, rows bigint,"
            + " cursor_before varchar, cursor_after varchar, message varchar)");
    s.execute(
        "create table if not exists "
            + STATE
            + " (source varchar, table_name varchar, cursor_column varchar,"
            + " cursor_value varchar, updated_at timestamp, primary key (source, table_name))");
  }

  static String cursor(SqlSession s, String source, String table) throws SQLException {
    List<Map<String, Object>> rows =
        s.rows(
            "select cursor_value from "
                + STATE
                + " where source = "
                + lit(source)
                + " and table_name = "
                + lit(table),
            1);
    return rows.isEmpty() || rows.get(0).get("cursor_value") == null
        ? null
        : rows.get(0).get("cursor_value").toString();
  }

  static String cursorColumn(SqlSession s, String source, String table) throws SQLException {
    List<Map<String, Object>> rows =
        s.rows(
            "select cursor_column from "
                + STATE
                + " where source = "
                + lit(source)
                + " and table_name = "
                + lit(table),
            1);
    return rows.isEmpty() || rows.get(0).get("cursor_column") == null
        ? null
        : rows.get(0).get("cursor_column").toString();
  }

  static void saveCursor(SqlSession s, String source, String table, String column, String value)
      throws SQLException {
    s.execute(
        "insert or replace into "
            + STATE
            + " values ("
            + lit(source)
            + ", "
            + lit(table)
            + ", "
            + lit(column)
            + ", "
            + lit(value)
            + ", current_timestamp::timestamp)");
  }

  static void clearCursor(SqlSession s, String source, String table) throws SQLException {
    s.execute(
        "delete from "
            + STATE
            + " where source = "
            + lit(source)
            + " and table_name = "
            + lit(table));
  }

  static void started(
      SqlSession s, String loadId, String runId, String source, String table, String cursor)
      throws SQLException {
    s.execute(
        "insert into "
            + LOADS
            + " (load_id, run_id, source, table_name, started_at, status, cursor_before) values ("
            + lit(loadId)
            + ", "
            + lit(runId)
            + ", "
            + lit(source)
            + ", "
            + lit(table)
            + ", current_timestamp::timestamp, 'running', "
            + lit(cursor)
            + ")");
  }

  /** Removes the record of a load that found nothing (see {@link LoadOptions#forgetEmpty}). */
  static void forget(SqlSession s, String loadId) throws SQLException {
    s.execute("delete from " + LOADS + " where load_id = " + lit(loadId));
  }

  static void finished(
      SqlSession s, String loadId, String status, long rows, String cursorAfter, String message)
      throws SQLException {
    s.execute(
        "update "
            + LOADS
            + " set finished_at = current_timestamp::timestamp, status = "
            + lit(status)
            + ", rows = "
            + rows
            + ", cursor_after = "
            + lit(cursorAfter)
            + ", message = "
            + lit(dev.sluice.core.spi.Secrets.mask(message))
            + " where load_id = "
            + lit(loadId));
  }

  static String lit(String v) {
    return v == null ? "null" : dev.sluice.core.warehouse.Sql.literal(v);
  }
}

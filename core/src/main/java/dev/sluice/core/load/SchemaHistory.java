package dev.sluice.core.load;

import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.List;

/**
 * Every version of a raw table's schema, in {@code _sluice.schema_history}: a new version is kept
 * whenever a load changes the columns, in the same transaction as the change, with what changed.
 */
public final class SchemaHistory {
  static final String HISTORY = "\"" + Warehouse.META_SCHEMA + "\".\"schema_history\"";

  private SchemaHistory() {}

  /** One version of a raw table's columns, as {@code name TYPE} strings in table order. */
  public record Version(
      int version, String loadId, String recordedAt, List<String> columns, String changes) {
    public Version {
      columns = List.copyOf(columns);
    }
  }

  static void ensure(SqlSession s) throws SQLException {
    s.execute(
        "create table if not exists "
            + HISTORY
            + " (source varchar, table_name varchar, version integer, load_id varchar,"
            + " recorded_at timestamp, columns varchar[], changes varchar,"
            + " primary key (source, table_name, version))");
  }

  /** Keeps the raw table's columns as a new version when they differ from the last one. */
  static void record(
      SqlSession s, String source, String table, String relation, String loadId, String changes)
      throws SQLException {
    List<String> now =
        s
            .rows(
                "select column_name || ' ' || column_type as c from (describe "
                    + relation
                    + ") where not starts_with(column_name, '_sluice_')",
                Integer.MAX_VALUE)
            .stream()
            .map(r -> String.valueOf(r.get("c")))
            .toList();
    List<Version> known = versions(s, source, table);
    if (!known.isEmpty() && known.get(known.size() - 1).columns().equals(now)) {
      return;
    }
    int version = known.isEmpty() ? 1 : known.get(known.size() - 1).version() + 1;
    StringBuilder arr = new StringBuilder("[");
    for (String c : now) {
      arr.append(arr.length() > 1 ? ", " : "").append(LoadState.lit(c));
    }
    arr.append("]::varchar[]");
    s.execute(
        "insert into "
            + HISTORY
            + " values ("
            + LoadState.lit(source)
            + ", "
            + LoadState.lit(table)
            + ", "
            + version
            + ", "
            + LoadState.lit(loadId)
            + ", current_timestamp::timestamp, "
            + arr
            + ", "
            + LoadState.lit(
                changes == null || changes.isEmpty()
                    ? (known.isEmpty() ? "created" : "columns changed")
                    : changes)
            + ")");
  }

  /** The versions of one raw table's schema, oldest first; empty when it was never loaded. */
  public static List<Version> versions(SqlSession s, String source, String table)
      throws SQLException {
    if (s.count(
            "select 1 from information_schema.tables where table_schema = '"
                + Warehouse.META_SCHEMA
                + "' and table_name = 'schema_history'")
        == 0) {
      return List.of();
    }
    return s
        .rows(
            "select version, load_id, recorded_at::varchar as at,"
                + " array_to_string(columns, chr(10)) as columns, changes from "
                + HISTORY
                + " where source = "
                + LoadState.lit(source)
                + " and table_name = "
                + LoadState.lit(table)
                + " order by version",
            Integer.MAX_VALUE)
        .stream()
        .map(
            r ->
                new Version(
                    ((Number) r.get("version")).intValue(),
                    String.valueOf(r.get("load_id")),
                    String.valueOf(r.get("at")),
                    columns(r.get("columns")),
                    String.valueOf(r.get("changes"))))
        .toList();
  }

  private static List<String> columns(Object v) {
    return v == null || v.toString().isEmpty() ? List.of() : List.of(v.toString().split("\n"));
  }
}

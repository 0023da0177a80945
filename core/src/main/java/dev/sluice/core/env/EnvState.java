package dev.sluice.core.env;

import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each environment points at, kept in {@code _sluice.env_nodes}: per model its version, its
 * physical table and its columns. Each change also goes to {@code _sluice.env_history}, so a
 * rollback can restore the previous one.
 */
final class EnvState {
  static final String NODES = Warehouse.META_SCHEMA + ".env_nodes";
  static final String HISTORY = Warehouse.META_SCHEMA + ".env_history";

  /** One model in an environment. */
  record Entry(String node, String version, String physical, String columns, String body) {
    List<String> columnList() {
      return columns == null || columns.isEmpty() ? List.of() : List.of(columns.split(","));
    }
  }

  private EnvState() {}

  static void ensure(SqlSession s) throws SQLException {
    s.createSchemaIfMissing(Warehouse.META_SCHEMA);
    s.execute(
        "create table if not exists "
            + NODES
            + " (env varchar, node_id varchar, version varchar, physical varchar, columns varchar,"
            + " body varchar)");
    s.execute(
        "create table if not exists "
            + HISTORY
            + " (env varchar, seq integer, changed_at timestamp, node_id varchar, version varchar,"
            + " physical varchar, columns varchar, body varchar)");
  }

  static Map<String, Entry> read(SqlSession s, String env) throws SQLException {
    return entries(s, NODES + " where env = " + literal(env) + " order by node_id");
  }

  /** The entries of {@code fromWhere} (a table and its where clause), by node. */
  private static Map<String, Entry> entries(SqlSession s, String fromWhere) throws SQLException {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Map<String, Object> r :
        s.rows(
            "select node_id, version, physical, columns, body from " + fromWhere,
            Integer.MAX_VALUE)) {
      out.put(
          (String) r.get("node_id"),
          new Entry(
              (String) r.get("node_id"),
              (String) r.get("version"),
              (String) r.get("physical"),
              (String) r.get("columns"),
              (String) r.get("body")));
    }
    return out;
  }

  /**
   * Replaces an environment's entries and keeps the old ones in the history; inside a transaction.
   */
  static void write(SqlSession s, String env, Map<String, Entry> entries) throws SQLException {
    List<Map<String, Object>> seq =
        s.rows(
            "select coalesce(max(seq), 0) + 1 as n from "
                + HISTORY
                + " where env = "
                + literal(env),
            1);
    long next = ((Number) seq.get(0).get("n")).longValue();
    s.execute(
        "insert into "
            + HISTORY
            + " select env, "
            + next
            + ", now(), node_id, version, physical, columns, body from "
            + NODES
            + " where env = "
            + literal(env));
    s.execute("delete from " + NODES + " where env = " + literal(env));
    for (Entry e : entries.values()) {
      s.execute(
          "insert into "
              + NODES
              + " values ("
              + literal(env)
              + ", "
              + literal(e.node())
              + ", "
              + literal(e.version())
              + ", "
              + literal(e.physical())
              + ", "
              + literal(e.columns())
              + ", "
              + literal(e.body())
              + ")");
    }
  }

  /** The entries an environment had before its last change; empty when there was none. */
  static Map<String, Entry> previous(SqlSession s, String env) throws SQLException {
    return entries(
        s,
        HISTORY
            + " where env = "
            + literal(env)
            + " and seq = (select max(seq) from "
            + HISTORY
            + " where env = "
            + literal(env)
            + ")");
  }

  /** Puts back what the environment had before its last change, and forgets that change. */
  static void restorePrevious(SqlSession s, String env) throws SQLException {
    String newest = "(select max(seq) from " + HISTORY + " where env = " + literal(env) + ")";
    s.execute("delete from " + NODES + " where env = " + literal(env));
    s.execute(
        "insert into "
            + NODES
            + " select env, node_id, version, physical, columns, body from "
            + HISTORY
            + " where env = "
            + literal(env)
            + " and seq = "
            + newest);
    s.execute("delete from " + HISTORY + " where env = " + literal(env) + " and seq = " + newest);
  }

  static String literal(String s) {
    return s == null ? "null" : "'" + s.replace("'", "''") + "'";
  }
}

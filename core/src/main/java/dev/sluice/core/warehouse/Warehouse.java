package dev.sluice.core.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The database a project builds into. Everything that talks SQL to it goes through here, so that
 * quoting, catalog reads and connection handling live in one place.
 */
public interface Warehouse extends AutoCloseable {

  /** The schema Sluice keeps its own state in: run history, load state, schema history. */
  String META_SCHEMA = "_sluice";

  /** {@code duckdb}. */
  String type();

  /** A JDBI over this warehouse; each handle it opens is a fresh connection. */
  Jdbi jdbi();

  /**
   * A new connection for one worker. Callers close it. For DuckDB every connection shares one
   * database instance, so they see each other's commits.
   */
  Connection connect() throws SQLException;

  /** Quotes an identifier: {@code my "col"} becomes {@code "my ""col"""}. */
  default String quote(String identifier) {
    return Sql.ident(identifier);
  }

  default String relation(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  /**
   * The SQL a macro runs ({@code run_query}, {@code statement}), put in this warehouse's terms
   * where the standard form does not read here. By default, as written.
   */
  default String forMacroQuery(String sql) {
    return sql;
  }

  /**
   * The statement that runs {@code sql} and returns its profiled plan as JSON (DuckDB's {@code
   * EXPLAIN (ANALYZE, FORMAT JSON)}), or empty where this warehouse has none.
   */
  default Optional<String> explainAnalyzeSql(String sql) {
    return Optional.empty();
  }

  Optional<RelationKind> relationKind(String schema, String name);

  default boolean exists(String schema, String name) {
    return relationKind(schema, name).isPresent();
  }

  List<ColumnInfo> columns(String schema, String name);

  /** Every table and view, for completion and the catalog browser. */
  List<RelationInfo> relations();

  void ensureSchema(String schema);

  @Override
  void close();

  enum RelationKind {
    TABLE,
    VIEW
  }

  record ColumnInfo(String name, String type, boolean nullable) {}

  record RelationInfo(String schema, String name, RelationKind kind) {}
}

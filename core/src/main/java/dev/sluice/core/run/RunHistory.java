package dev.sluice.core.run;

import dev.sluice.core.warehouse.CatalogChanges;
import dev.sluice.core.warehouse.PlainSql;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Run history in the warehouse's metadata schema, so the CLI and the app see the same runs and a
 * run can be traced from the warehouse alone.
 */
public final class RunHistory {
  /** The runs this process has started and not finished, on any warehouse. */
  private static final java.util.Set<String> LIVE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Warehouse warehouse;
  private final String runs;
  private final String nodes;

  public RunHistory(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.runs = warehouse.relation(Warehouse.META_SCHEMA, "runs");
    this.nodes = warehouse.relation(Warehouse.META_SCHEMA, "run_nodes");
    // the app's staleness check and its editor session may both be first on a new file
    CatalogChanges.oneAtATime(() -> createTables(warehouse));
  }

  // what a run writes goes over plain JDBC (PlainSql), which starts faster than JDBI; the app's
  // reads below keep JDBI
  private void createTables(Warehouse warehouse) {
    PlainSql.execute(
        warehouse,
        "create schema if not exists " + warehouse.quote(Warehouse.META_SCHEMA),
        "create table if not exists "
            + runs
            + " (run_id varchar primary key, command varchar,"
            + " selector varchar, started_at timestamp, finished_at timestamp, status varchar, nodes integer,"
            + " errors integer, invoked_from varchar)",
        "create table if not exists "
            + nodes
            + " (run_id varchar, node_id varchar, name varchar,"
            + " kind varchar, status varchar, started_at timestamp, duration_ms bigint, rows_affected bigint,"
            + " message varchar, relation varchar, sql_hash varchar)",
        // added later, so files written by earlier versions gain them in place
        "alter table " + runs + " add column if not exists triggered_by varchar",
        "alter table " + nodes + " add column if not exists attempts integer");
  }

  /** A past run. */
  public record Run(
      String runId,
      String command,
      String selector,
      Instant startedAt,
      Instant finishedAt,
      String status,
      int nodes,
      int errors,
      String invokedFrom,
      String triggeredBy) {

    public Run(
        String runId,
        String command,
        String selector,
        Instant startedAt,
        Instant finishedAt,
        String status,
        int nodes,
        int errors,
        String invokedFrom) {
      this(
          runId,
          command,
          selector,
          startedAt,
          finishedAt,
          status,
          nodes,
          errors,
          invokedFrom,
          null);
    }
  }

  public void started(
      String runId, String command, String selector, Instant at, String invokedFrom) {
    started(runId, command, selector, at, invokedFrom, null);
  }

  /**
   * @param triggeredBy what started the run ({@code schedule nightly}, {@code sensor new_files:
   *     landing/orders_3.csv}, ...), or null when a person did
   */
  public void started(
      String runId,
      String command,
      String selector,
      Instant at,
      String invokedFrom,
      String triggeredBy) {
    // DuckDB lets one process write the file, so a run still 'running' that is not one of this
    // process's was killed: say so, rather than leave it running forever
    String live =
        LIVE.isEmpty()
            ? ""
            : " and run_id not in ("
                + String.join(
                    ", ", LIVE.stream().map(id -> "'" + id.replace("'", "''") + "'").toList())
                + ")";
    PlainSql.execute(
        warehouse, "update " + runs + " set status = 'killed' where status = 'running'" + live);
    LIVE.add(runId);
    PlainSql.update(
        warehouse,
        "insert into "
            + runs
            + " (run_id, command, selector, started_at, status,"
            + " invoked_from, triggered_by) values (?, ?, ?, ?, 'running', ?, ?)",
        runId,
        command,
        selector,
        Timestamp.from(at),
        invokedFrom,
        triggeredBy);
  }

  private void insertNode(Connection c, String runId, NodeResult r) throws SQLException {
    PlainSql.update(
        c,
        "insert into "
            + nodes
            + " (run_id, node_id, name, kind, status, started_at, duration_ms, rows_affected,"
            + " message, relation, sql_hash, attempts)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        runId,
        r.nodeId(),
        r.name(),
        r.kind(),
        r.status().label(),
        Timestamp.from(r.startedAt()),
        r.durationMillis(),
        r.rows(),
        r.message(),
        r.relation(),
        r.sqlHash(),
        r.attempts());
  }

  /**
   * All of a run's node rows through one DuckDB Appender, in the run's transaction: a prepared
   * insert per node was a quarter of the native time of a 1,000-view run. Falls back to the inserts
   * when the connection is not DuckDB's.
   */
  private void appendNodes(Connection c, String runId, List<NodeResult> results)
      throws SQLException {
    if (results.isEmpty() || !c.isWrapperFor(DuckDBConnection.class)) {
      for (NodeResult r : results) {
        insertNode(c, runId, r);
      }
      return;
    }
    // the columns in the table's order: attempts was added last
    try (DuckDBAppender a =
        c.unwrap(DuckDBConnection.class).createAppender(Warehouse.META_SCHEMA, "run_nodes")) {
      for (NodeResult r : results) {
        a.beginRow();
        text(a, runId);
        text(a, r.nodeId());
        text(a, r.name());
        text(a, r.kind());
        text(a, r.status().label());
        if (r.startedAt() == null) {
          a.appendNull();
        } else {
          // as a bound Timestamp is stored: the wall-clock time of this JVM's zone
          a.append(LocalDateTime.ofInstant(r.startedAt(), ZoneId.systemDefault()));
        }
        a.append(r.durationMillis());
        a.append(r.rows());
        text(a, r.message());
        text(a, r.relation());
        text(a, r.sqlHash());
        a.append(r.attempts());
        a.endRow();
      }
    }
  }

  private static void text(DuckDBAppender a, String value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value);
    }
  }

  public void finished(RunSummary s) {
    LIVE.remove(s.runId());
    long errors = s.results().stream().filter(r -> r.status().failsRun()).count();
    String status = s.cancelled() ? "cancelled" : errors > 0 ? "failed" : "succeeded";
    try (Connection c = warehouse.connect()) {
      c.setAutoCommit(false);
      try {
        appendNodes(c, s.runId(), s.results());
        PlainSql.update(
            c,
            "update "
                + runs
                + " set finished_at = ?, status = ?, nodes = ?, errors = ? where run_id = ?",
            Timestamp.from(s.startedAt().plusMillis(s.durationMillis())),
            status,
            s.results().size(),
            errors,
            s.runId());
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is closed next; nothing was committed
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the run's nodes: " + e.getMessage(), e);
    }
  }

  /** The newest runs first. */
  public List<Run> runs(int limit) {
    return warehouse
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select * from " + runs + " order by started_at desc limit :n")
                    .bind("n", limit)
                    .map(
                        (rs, ctx) ->
                            new Run(
                                rs.getString("run_id"),
                                rs.getString("command"),
                                rs.getString("selector"),
                                instant(rs.getTimestamp("started_at")),
                                instant(rs.getTimestamp("finished_at")),
                                rs.getString("status"),
                                rs.getInt("nodes"),
                                rs.getInt("errors"),
                                rs.getString("invoked_from"),
                                rs.getString("triggered_by")))
                    .list());
  }

  public List<NodeResult> nodes(String runId) {
    return warehouse
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select * from " + nodes + " where run_id = :id order by started_at")
                    .bind("id", runId)
                    .map(this::nodeResult)
                    .list());
  }

  /** The latest {@code limit} builds of one node across runs, newest first: its own history. */
  public List<NodeResult> nodeHistory(String nodeId, int limit) {
    return warehouse
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select * from "
                            + nodes
                            + " where node_id = :id order by started_at desc limit :limit")
                    .bind("id", nodeId)
                    .bind("limit", limit)
                    .map(this::nodeResult)
                    .list());
  }

  private NodeResult nodeResult(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new NodeResult(
        rs.getString("node_id"),
        rs.getString("name"),
        rs.getString("kind"),
        NodeStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
        instant(rs.getTimestamp("started_at")),
        rs.getLong("duration_ms"),
        rs.getLong("rows_affected"),
        rs.getString("message"),
        rs.getString("relation"),
        null,
        List.of(),
        rs.getString("sql_hash"),
        rs.getInt("attempts"));
  }

  /** The last successful build of each node: its hash, to tell what is stale. */
  public java.util.Map<String, String> lastSuccessfulHashes() {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    warehouse
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select node_id, arg_max(sql_hash, started_at) as hash from "
                            + nodes
                            + " where status in ('success', 'pass', 'warn') group by node_id")
                    .map(
                        (rs, ctx) ->
                            java.util.Map.entry(rs.getString(1), String.valueOf(rs.getString(2))))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

package dev.sluice.core.run;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.materialize.BuildException;
import dev.sluice.core.materialize.BuildResult;
import dev.sluice.core.materialize.Materializer;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.quality.TestRunner;
import dev.sluice.core.query.ExportFormat;
import dev.sluice.core.query.ResultExport;
import dev.sluice.core.query.ResultStream;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one node: compile, then build, load, test or export it. Never throws: failures become
 * results.
 */
final class NodeRunner {
  private static final Pattern DUCKDB_LINE = Pattern.compile("LINE (\\d+):");

  private final Warehouse warehouse;
  private final Compiler compiler;
  private final SourceLoads loads;
  private final Path projectRoot;
  private final String runId;
  private final boolean fullRefresh;
  private final Set<SqlSession> open = ConcurrentHashMap.newKeySet();
  private final Set<ResultStream.Cancel> exports = ConcurrentHashMap.newKeySet();
  private final Catalog catalog;
  private final IdleConnections connections;

  NodeRunner(
      Warehouse warehouse,
      Compiler compiler,
      SourceLoads loads,
      Path projectRoot,
      String runId,
      boolean fullRefresh,
      Catalog catalog,
      IdleConnections connections) {
    this.catalog = catalog;
    this.connections = connections;
    this.warehouse = warehouse;
    this.compiler = compiler;
    this.loads = loads;
    this.projectRoot = projectRoot;
    this.runId = runId;
    this.fullRefresh = fullRefresh;
  }

  NodeResult run(Node node) {
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    CompiledNode compiled = null;
    try {
      compiled = compiler.compile(node);
      if (!compiled.ok()) {
        String msg =
            compiled.problems().stream()
                .filter(ProjectProblem::isError)
                .map(ProjectProblem::toString)
                .collect(Collectors.joining("; "));
        return result(node, compiled, NodeStatus.ERROR, start, t0, -1, msg, List.of());
      }
      switch (node.kind()) {
        case SOURCE -> {
          SourceLoads.Outcome o = loads.load((SourceTable) node, runId, fullRefresh);
          return result(
              node, compiled, NodeStatus.SUCCESS, start, t0, o.rows(), o.message(), List.of());
        }
        case TEST -> {
          SqlSession s = session();
          boolean clean = false;
          try {
            TestRunner.Outcome o = TestRunner.run(s, compiled);
            NodeStatus st =
                switch (o.status()) {
                  case "pass" -> NodeStatus.PASS;
                  case "warn" -> NodeStatus.WARN;
                  default -> NodeStatus.FAIL;
                };
            String msg =
                o.failures() == 0
                    ? (st == NodeStatus.PASS
                        ? "passed"
                        : "0 failures, which the test's error_if/warn_if counts against it")
                    : node instanceof dev.sluice.core.project.UnitTest
                        ? "the model's rows differ from the expected ones (" + o.failures() + ")"
                        : o.failures() + " failing row" + (o.failures() == 1 ? "" : "s");
            msg = o.note() == null ? msg : msg + " (" + o.note() + ")";
            clean = true; // a test only reads, or stores its failures through one statement
            return result(node, compiled, st, start, t0, o.failures(), msg, o.sample());
          } finally {
            release(s, clean);
          }
        }
        case SEED, MODEL, SNAPSHOT -> {
          SqlSession s = session();
          boolean clean = false;
          try {
            List<String> pre = compiler.hooks(node, "pre-hook");
            for (String hook : pre) {
              s.execute(hook);
            }
            BuildResult b = new Materializer(s, projectRoot, catalog).build(compiled);
            List<String> post = compiler.hooks(node, "post-hook");
            for (String hook : post) {
              s.execute(hook);
            }
            clean = pre.isEmpty() && post.isEmpty() && leavesNothing(node);
            return result(
                node, compiled, NodeStatus.SUCCESS, start, t0, b.rows(), b.message(), List.of());
          } finally {
            release(s, clean);
          }
        }
        case EXPORT -> {
          Export export = (Export) node;
          long rows = writeExport(export, compiled.sql());
          return result(
              node,
              compiled,
              NodeStatus.SUCCESS,
              start,
              t0,
              rows,
              "wrote "
                  + export.format().label()
                  + " "
                  + export.path().toString().replace('\\', '/'),
              List.of());
        }
        default -> throw new IllegalStateException();
      }
    } catch (SQLException e) {
      return result(
          node,
          compiled,
          cancelledOr(NodeStatus.ERROR),
          start,
          t0,
          -1,
          explain(node, compiled, e),
          List.of());
    } catch (BuildException e) {
      return result(node, compiled, NodeStatus.ERROR, start, t0, -1, e.getMessage(), List.of());
    } catch (Exception e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      return result(node, compiled, cancelledOr(NodeStatus.ERROR), start, t0, -1, msg, List.of());
    }
  }

  private volatile boolean cancelled;

  private NodeStatus cancelledOr(NodeStatus s) {
    return cancelled ? NodeStatus.CANCELLED : s;
  }

  /**
   * Whether building {@code node} leaves its connection as it found it: a seed, a view or a table
   * (each one statement, or one transaction that commits); an incremental model and a snapshot
   * stage rows in a temporary table, which would stay with the connection.
   */
  private static boolean leavesNothing(Node node) {
    return switch (node.kind()) {
      case SEED -> true;
      case MODEL -> {
        String kind = node.config().materialized("view");
        yield kind.equals("view") || kind.equals("table") || kind.equals("ephemeral");
      }
      default -> false;
    };
  }

  private SqlSession session() throws SQLException {
    SqlSession s = new SqlSession(connections.take());
    open.add(s);
    if (cancelled) {
      s.cancel();
    }
    return s;
  }

  /**
   * Writes the file next to its place and moves it in when complete, so a failed or cancelled
   * export leaves the previous file as it was.
   */
  private long writeExport(Export export, String sql) throws SQLException, IOException {
    ResultStream.Cancel cancel = new ResultStream.Cancel();
    exports.add(cancel);
    if (cancelled) {
      cancel.cancel();
    }
    try {
      // a symlink under target/ must not carry the file out of the project
      Path file =
          dev.sluice.core.safety.SafePaths.under(projectRoot, projectRoot.resolve(export.path()));
      if (Files.isDirectory(file)) {
        throw new IOException(
            export.path().toString().replace('\\', '/')
                + " is a folder; an export needs a file path");
      }
      return ResultExport.write(
          warehouse, sql, file, ExportFormat.valueOf(export.format().name()), cancel);
    } finally {
      exports.remove(cancel);
    }
  }

  /**
   * Done with {@code s}: its connection goes back for the next node when the node finished well and
   * left nothing in it ({@code clean}), and is closed otherwise.
   */
  private void release(SqlSession s, boolean clean) {
    open.remove(s);
    if (clean && !cancelled && !s.isCancelled()) {
      connections.giveBack(s.connection());
    } else {
      s.close();
    }
  }

  void cancel() {
    cancelStatements();
    loads.cancel();
  }

  /** Stops this runner's own queries and exports, as a node's timeout does; loads go on. */
  void cancelStatements() {
    cancelled = true;
    open.forEach(SqlSession::cancel);
    exports.forEach(ResultStream.Cancel::cancel);
  }

  /** DuckDB's message, with its LINE mapped back to the model file when the lines line up. */
  private static String explain(Node node, CompiledNode compiled, SQLException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    if (msg.startsWith("java.sql.SQLException: ")) {
      msg = msg.substring("java.sql.SQLException: ".length());
    }
    Matcher m = DUCKDB_LINE.matcher(msg);
    String where = node.file().toString().replace('\\', '/');
    if (m.find()
        && compiled != null
        && compiled.sql() != null
        && !compiled.sql().startsWith("with __sluice_cte__")) {
      int line = Integer.parseInt(m.group(1)) - 1; // statements start with one line of DDL
      if (line >= 1) {
        where += ":" + (line + node.line() - 1);
      }
    }
    return where + ": " + msg.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  private NodeResult result(
      Node node,
      CompiledNode compiled,
      NodeStatus status,
      Instant start,
      long t0,
      long rows,
      String message,
      List<Map<String, Object>> sample) {
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String sql = compiled == null ? null : compiled.sql();
    String relation =
        compiled == null
            ? null
            : compiled.relation().cte()
                ? null
                : compiled.relation().schema() + "." + compiled.relation().identifier();
    return new NodeResult(
        node.uniqueId(),
        node.name(),
        node.kind().label(),
        status,
        start,
        ms,
        rows,
        message,
        relation,
        sql,
        sample,
        hash(sql, node));
  }

  static String hash(String sql, Node node) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(String.valueOf(sql).getBytes(StandardCharsets.UTF_8));
      md.update(node.config().values().toString().getBytes(StandardCharsets.UTF_8));
      if (node instanceof Export e) { // where and how it writes are part of what was built
        md.update((e.path() + " " + e.format()).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

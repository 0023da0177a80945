package dev.sluice.core.pipeline;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.parse.Dag;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.run.Staleness;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The side of the door an editor uses between runs: a project read leniently (a manifest with its
 * problems, never an exception), which nodes are stale, and the run history, all without opening a
 * {@link Pipeline} for a run. The app reads the project only through here and {@link Pipeline}.
 */
public final class Workspace {
  private Workspace() {}

  /**
   * Writes a new project that builds at once into {@code dir} (what {@code sluice init} writes) and
   * returns its name.
   *
   * @throws IllegalStateException when the folder already holds a project; nothing is changed
   */
  public static String createProject(Path dir) throws java.io.IOException {
    return dev.sluice.core.project.NewProject.create(dir);
  }

  /**
   * Makes a folder that holds no project an empty one (only its {@code sluice.yml}), so that a
   * first node can be added to it; a folder that holds one is left as it is.
   */
  public static void startProject(Path dir) throws java.io.IOException {
    dev.sluice.core.project.NewProject.start(dir);
  }

  /** Whether a folder already holds a project (a sluice.yml or a dbt_project.yml). */
  public static boolean holdsProject(Path dir) {
    return dev.sluice.core.project.NewProject.holdsProject(dir);
  }

  /**
   * What the last reads of one folder left, so reading it again reads only the files that changed
   * and renders only the nodes whose inputs changed (an editor reads after every save).
   */
  private static final class Session {
    final dev.sluice.core.project.SourceFiles files = new dev.sluice.core.project.SourceFiles();
    final dev.sluice.core.parse.ParseMemory memory = new dev.sluice.core.parse.ParseMemory();

    /** What the last stale check read from the warehouse, while its file stays as it was. */
    WarehouseGlance glance;

    /** The nodes the stale checks compiled, for the next check to take while they hold. */
    final dev.sluice.core.compile.CompileMemo compiled = new dev.sluice.core.compile.CompileMemo();
  }

  private static final Map<Path, java.lang.ref.SoftReference<Session>> SESSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Session session(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    java.lang.ref.SoftReference<Session> ref = SESSIONS.get(key);
    Session s = ref == null ? null : ref.get();
    if (s == null) {
      s = new Session();
      SESSIONS.put(key, new java.lang.ref.SoftReference<>(s));
    }
    return s;
  }

  /**
   * Reads the project as it is, problems and all; a project that cannot be parsed has no nodes.
   * Reading the same folder again in this process reads only the files whose size or time changed
   * and renders again only what an edit can reach; the result is always what a fresh read gives.
   */
  public static Manifest read(Path dir) {
    Session s = session(dir);
    synchronized (s) {
      return read(dir, s);
    }
  }

  private static Manifest read(Path dir, Session s) {
    Map<String, String> env = System.getenv();
    Project project = new ProjectLoader(env, s.files).load(dir);
    try {
      Target target = project.settings().target(null);
      return Manifest.of(
          project, new TemplateEngine(project, target, env, Map.of(), "parse"), target, s.memory);
    } catch (RuntimeException e) {
      return new Manifest(
          project,
          new Dag(Map.of()),
          Map.of(),
          List.of(ProjectProblem.error(null, 0, "cannot read the project: " + e.getMessage())));
    }
  }

  /**
   * The nodes never built, or changed since their last good build, or downstream of one; empty when
   * the warehouse is busy (a run in a terminal), so the caller keeps what it shows.
   */
  public static Optional<Set<String>> stale(Manifest m) {
    String path = m.project().settings().target(null).path();
    if (!path.equals(":memory:") && !Files.exists(Path.of(path))) {
      Set<String> found = new HashSet<>(m.dag().nodeIds()); // nothing built yet
      m.project().nodes().stream()
          .filter(n -> n instanceof SourceTable s && !s.isLoaded())
          .forEach(n -> found.remove(n.uniqueId()));
      return Optional.of(found);
    }
    Session s = session(m.project().root());
    WarehouseGlance last;
    synchronized (s) {
      last = s.glance;
    }
    try {
      Target target = m.project().settings().target(null);
      TemplateEngine engine =
          new TemplateEngine(m.project(), target, System.getenv(), Map.of(), "stale");
      Map.Entry<Set<String>, WarehouseGlance> found =
          WarehouseGlance.check(
              path,
              last,
              (lastGood, isTable) -> {
                Compiler compiler =
                    new Compiler(m, engine, target, r -> !r.cte() && isTable.test(r), false)
                        .remembering(s.compiled);
                Compiler asFullRefresh = new Compiler(m, engine, target, r -> false, true);
                return Staleness.stale(m, compiler, asFullRefresh, lastGood);
              });
      synchronized (s) {
        s.glance = found.getValue();
      }
      return Optional.of(found.getKey());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The latest runs recorded in the DuckDB file at {@code duckdbPath} (a missing file: none yet);
   * empty when the file is busy.
   */
  public static Optional<List<RunHistory.Run>> runs(String duckdbPath, int limit) {
    if (!duckdbPath.equals(":memory:") && !Files.exists(Path.of(duckdbPath))) {
      return Optional.of(List.of());
    }
    try (DuckDbWarehouse w = DuckDbWarehouse.open(duckdbPath)) {
      return Optional.of(new RunHistory(w).runs(limit));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Opens the project's warehouse file, for a view that reads Sluice's own state in it (automation
   * ticks, quality history); the caller closes it soon, so the CLI can have the file.
   */
  public static Warehouse openWarehouse(String duckdbPath) {
    return DuckDbWarehouse.open(duckdbPath);
  }

  /**
   * The column lineage of a parsed project, from its rendered SQL and schema files only (the
   * warehouse file stays free for the CLI); {@code cache} keeps models that did not change.
   */
  public static dev.sluice.core.lineage.ProjectLineage lineage(
      Manifest m, dev.sluice.core.lineage.LineageCache cache) {
    Target target = m.project().settings().target(null);
    return dev.sluice.core.lineage.ProjectLineage.compute(
        m,
        target,
        new TemplateEngine(m.project(), target, System.getenv(), Map.of(), "app"),
        dev.sluice.core.lineage.KnownColumns.none(),
        cache);
  }

  /**
   * The latest builds of one node, newest first, for its own history; none for a missing file,
   * empty when the file is busy.
   */
  public static Optional<List<NodeResult>> nodeRuns(String duckdbPath, String nodeId, int limit) {
    if (!duckdbPath.equals(":memory:") && !Files.exists(Path.of(duckdbPath))) {
      return Optional.of(List.of());
    }
    try (DuckDbWarehouse w = DuckDbWarehouse.open(duckdbPath)) {
      return Optional.of(new RunHistory(w).nodeHistory(nodeId, limit));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The nodes of one recorded run. */
  public static List<NodeResult> runNodes(String duckdbPath, String runId) {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(duckdbPath)) {
      return new RunHistory(w).nodes(runId);
    }
  }

  /** One recorded load of one table, as the History shows it beside the runs. */
  public record LoadEntry(
      String loadId,
      String runId,
      String table,
      String startedAt,
      String status,
      long rows,
      String cursorBefore,
      String cursorAfter,
      String message) {}

  /**
   * The newest loads recorded in the DuckDB file at {@code duckdbPath} (a missing file: none yet);
   * empty when the file is busy.
   */
  public static Optional<List<LoadEntry>> loads(String duckdbPath, int limit) {
    if (!duckdbPath.equals(":memory:") && !Files.exists(Path.of(duckdbPath))) {
      return Optional.of(List.of());
    }
    try (DuckDbWarehouse w = DuckDbWarehouse.open(duckdbPath)) {
      return Optional.of(
          dev.sluice.core.load.LoadBatches.recent(w, limit).stream()
              .map(
                  l ->
                      new LoadEntry(
                          l.loadId(),
                          l.runId(),
                          l.source() + "." + l.table(),
                          l.startedAt(),
                          l.status(),
                          l.rows(),
                          l.cursorBefore(),
                          l.cursorAfter(),
                          l.message()))
              .toList());
    } catch (RuntimeException | dev.sluice.core.spi.LoadException e) {
      return Optional.empty();
    }
  }

  /**
   * Takes one load (or every load of one run) back out of the project's warehouse, as {@code sluice
   * load --drop-load ID} does: its rows leave the raw tables and the cursors it advanced go back,
   * in one transaction. Returns what was done, for people; a load that cannot be dropped throws
   * {@link IllegalArgumentException} with the reason.
   */
  public static List<String> dropLoad(Manifest m, String loadId) {
    String db = m.project().settings().target(null).path();
    try (DuckDbWarehouse w = DuckDbWarehouse.open(db)) {
      return dev.sluice.core.load.LoadBatches.drop(w, m.project(), loadId);
    } catch (dev.sluice.core.spi.LoadException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Tables are counted only up to this many; past it the browser shows names and columns. */
  static final int COUNT_LIMIT = 500;

  /**
   * The tables, views and columns of the DuckDB file at {@code duckdbPath}, with tables' row
   * counts, for the warehouse browser. Never creates the file; a missing, busy or damaged file
   * gives an empty tree whose problem says so.
   */
  public static WarehouseTree catalog(String duckdbPath) {
    if (!duckdbPath.equals(":memory:") && !Files.exists(Path.of(duckdbPath))) {
      return WarehouseTree.empty(
          duckdbPath, "Not built yet: build the project (Ctrl+B) to create " + duckdbPath);
    }
    try (DuckDbWarehouse w = DuckDbWarehouse.open(duckdbPath)) {
      List<Warehouse.RelationInfo> found = w.relations();
      boolean count = found.size() <= COUNT_LIMIT;
      List<WarehouseTree.Relation> out = new java.util.ArrayList<>();
      for (Warehouse.RelationInfo r : found) {
        java.util.OptionalLong rows = java.util.OptionalLong.empty();
        if (count && r.kind() == Warehouse.RelationKind.TABLE) {
          try {
            rows =
                java.util.OptionalLong.of(
                    w.jdbi()
                        .withHandle(
                            h ->
                                h.createQuery(
                                        "select count(*) from " + w.relation(r.schema(), r.name()))
                                    .mapTo(Long.class)
                                    .one()));
          } catch (RuntimeException e) {
            // a table that cannot be read still shows, without a count
          }
        }
        out.add(
            new WarehouseTree.Relation(
                r.schema(), r.name(), r.kind(), w.columns(r.schema(), r.name()), rows));
      }
      return new WarehouseTree(duckdbPath, out, null);
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      return WarehouseTree.empty(
          duckdbPath, Character.toUpperCase(msg.charAt(0)) + msg.substring(1));
    }
  }

  /**
   * Runs {@code sql} with profiling in the pipeline's warehouse and returns its plan ({@code
   * EXPLAIN ANALYZE}); {@code what} names the node or query in the message of a query the warehouse
   * refuses.
   */
  public static dev.sluice.core.query.QueryPlan explain(
      Pipeline pipeline,
      String what,
      String sql,
      dev.sluice.core.query.ResultStream.Cancel cancel) {
    try {
      return dev.sluice.core.query.Explain.analyze(pipeline.warehouse(), sql, cancel);
    } catch (java.sql.SQLException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
      if (cancel.requested()) {
        throw new dev.sluice.core.query.QueryException("cancelled");
      }
      throw new dev.sluice.core.query.QueryException(
          "explain of "
              + what
              + " failed: "
              + message.replaceFirst("^java\\.sql\\.SQLException: ", ""));
    }
  }
}

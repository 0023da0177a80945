package dev.sluice.core.pipeline;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.RunHooks;
import dev.sluice.core.project.Target;
import dev.sluice.core.run.ColumnPreflight;
import dev.sluice.core.run.Executor;
import dev.sluice.core.run.QualityRecording;
import dev.sluice.core.run.RetryPolicy;
import dev.sluice.core.run.RunArtifacts;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.EarlyOpen;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A project opened for work: parsed, its warehouse open. The CLI and the app both run through this,
 * so a run from either is the same run. Opening refuses a project with errors, listing them all.
 */
public final class Pipeline implements AutoCloseable {
  private final Manifest manifest;
  private final Target target;
  private final PipelineOptions options;
  private final Warehouse warehouse;
  private RunHistory history;
  private volatile Executor running;
  private final List<ProjectProblem> runWarnings =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private java.util.function.Function<
          dev.sluice.core.project.Node, dev.sluice.core.warehouse.Relation>
      deferred = n -> null;

  private Pipeline(Manifest manifest, Target target, PipelineOptions options, Warehouse warehouse) {
    this(manifest, target, options, warehouse, true);
  }

  private Pipeline(
      Manifest manifest,
      Target target,
      PipelineOptions options,
      Warehouse warehouse,
      boolean histories) {
    this.manifest = manifest;
    this.target = target;
    this.options = options;
    this.warehouse = warehouse;
    if (histories) {
      this.history = new RunHistory(warehouse);
      new dev.sluice.core.quality.QualityHistory(warehouse); // anomaly checks read it in the run
    }
  }

  /** Parses the project; throws {@link ProjectException} with every error when it has any. */
  public static Manifest parse(Path dir, PipelineOptions options) {
    Project project = load(dir, options);
    return render(project, project.settings().target(options.target()), options);
  }

  /** The project's files read; throws when there is nothing to parse but errors. */
  private static Project load(Path dir, PipelineOptions options) {
    Project project = new ProjectLoader(options.env()).load(dir);
    if (project.nodes().isEmpty() && project.hasErrors()) {
      throw new ProjectException(
          project.problems().stream().filter(ProjectProblem::isError).toList());
    }
    return project;
  }

  /** The templates rendered; throws with every error when there is any. */
  private static Manifest render(Project project, Target target, PipelineOptions options) {
    // parse templates even when files had problems, so one pass reports them all
    Manifest manifest = Manifest.of(project, engine(project, target, options, "parse"), target);
    List<ProjectProblem> unknown = UnknownConnectors.of(project);
    if (manifest.hasErrors() || !unknown.isEmpty()) {
      List<ProjectProblem> errors =
          new java.util.ArrayList<>(
              manifest.problems().stream().filter(ProjectProblem::isError).toList());
      errors.addAll(unknown);
      throw new ProjectException(errors);
    }
    return manifest;
  }

  public static Pipeline open(Path dir, PipelineOptions options) {
    return open(dir, options, dev.sluice.core.warehouse.LockWait.NO_WAIT);
  }

  /**
   * As {@link #open(Path, PipelineOptions)}, waiting as {@code wait} says for a busy file. A DuckDB
   * file that is there already opens while the templates render ({@link EarlyOpen}); a project that
   * fails to parse closes it again, and its errors come first, as before.
   */
  public static Pipeline open(
      Path dir, PipelineOptions options, dev.sluice.core.warehouse.LockWait wait) {
    Project project = load(dir, options);
    Target target = project.settings().target(options.target());
    EarlyOpen early = EarlyOpen.startIfExists(target.path(), wait);
    Manifest manifest;
    try {
      manifest = render(project, target, options);
    } catch (RuntimeException | Error e) {
      if (early != null) {
        early.discard();
      }
      throw e;
    }
    DuckDbWarehouse warehouse =
        early != null ? early.get() : DuckDbWarehouse.open(target.path(), wait);
    return new Pipeline(manifest, target, options, warehouse);
  }

  /**
   * For read-only verbs (query, compile): the warehouse, or, while another process holds it, a copy
   * as of its last checkpoint, which {@code note} is told about.
   */
  public static Pipeline openForReading(
      Path dir, PipelineOptions options, java.util.function.Consumer<String> note) {
    Manifest manifest = parse(dir, options);
    Target target = manifest.project().settings().target(options.target());
    // a read-only verb creates no history tables: DDL on the file made every preview a write
    return new Pipeline(
        manifest,
        target,
        options,
        dev.sluice.core.warehouse.ReadCopy.open(target.path(), note),
        false);
  }

  /**
   * The target these options choose, from the project file and the targets alone: the models are
   * not read or parsed, so a query without templates runs even while a model is broken. Throws
   * {@link ProjectException} for errors in those files or an unknown target, as {@link #parse}
   * does.
   */
  public static Target targetOf(Path dir, PipelineOptions options) {
    Project project = new ProjectLoader(options.env()).loadSettings(dir);
    if (project.hasErrors()) {
      throw new ProjectException(
          project.problems().stream().filter(ProjectProblem::isError).toList());
    }
    return project.settings().target(options.target());
  }

  /**
   * The target's warehouse for reading, as {@link #openForReading} opens it (a copy while another
   * process holds the file, which {@code note} is told about), with no project parsed.
   */
  public static Warehouse openForReading(Target target, java.util.function.Consumer<String> note) {
    return dev.sluice.core.warehouse.ReadCopy.open(target.path(), note);
  }

  /**
   * For {@code compile}: the warehouse (or a copy, as {@link #openForReading}) is opened only when
   * a template introspects it, so compiling plain SQL never touches the DuckDB file.
   */
  public static Pipeline openForCompiling(
      Path dir, PipelineOptions options, java.util.function.Consumer<String> note) {
    Manifest manifest = parse(dir, options);
    Target target = manifest.project().settings().target(options.target());
    return new Pipeline(
        manifest,
        target,
        options,
        new dev.sluice.core.warehouse.LazyWarehouse(
            "duckdb", () -> dev.sluice.core.warehouse.ReadCopy.open(target.path(), note)),
        false);
  }

  private static TemplateEngine engine(
      Project project, Target target, PipelineOptions options, String invocation) {
    return new TemplateEngine(project, target, options.env(), options.vars(), invocation);
  }

  /**
   * Opens the warehouse for a project already parsed, as the app holds one: previews and the
   * editor's checks then skip parsing the project again.
   */
  public static Pipeline attach(Manifest manifest, PipelineOptions options) {
    Target target = manifest.project().settings().target(options.target());
    return new Pipeline(manifest, target, options, DuckDbWarehouse.open(target));
  }

  /**
   * As {@link #attach}, for previews and the editor's checks: while another process (a build in a
   * terminal) holds the file, a copy of it as of its last checkpoint, which {@code note} is told
   * about.
   */
  public static Pipeline attachForReading(
      Manifest manifest, PipelineOptions options, java.util.function.Consumer<String> note) {
    Target target = manifest.project().settings().target(options.target());
    return new Pipeline(
        manifest, target, options, dev.sluice.core.warehouse.ReadCopy.open(target.path(), note));
  }

  public Manifest manifest() {
    return manifest;
  }

  public Target target() {
    return target;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public synchronized RunHistory history() {
    if (history == null) {
      history = new RunHistory(warehouse);
    }
    return history;
  }

  /** A compiler against this warehouse, for compile, previews and runs. */
  public Compiler compiler(boolean fullRefresh, String invocationId) {
    return compiler(fullRefresh, invocationId, Catalog.readOnFirstUse(warehouse));
  }

  private Compiler compiler(boolean fullRefresh, String invocationId, Catalog catalog) {
    return new Compiler(
            manifest,
            engine(manifest.project(), target, options, invocationId).attach(warehouse),
            target,
            r ->
                !r.cte()
                    && catalog.kind(r).map(k -> k == Warehouse.RelationKind.TABLE).orElse(false),
            fullRefresh)
        .withColumns(new WarehouseColumns(warehouse, catalog))
        .deferring(deferred);
  }

  /** Runs after this read the upstreams {@code where} names from there (dbt's --defer). */
  public void defer(
      java.util.function.Function<dev.sluice.core.project.Node, dev.sluice.core.warehouse.Relation>
          where) {
    this.deferred = where;
  }

  /**
   * The plan of a selection. {@code state:} terms ({@code state:modified+}) compare with the last
   * successful build recorded under the target folder, unless the CLI has already answered them
   * against a {@code --state} folder.
   */
  public Plan plan(Command command, String select, String exclude) {
    return Plan.of(manifest, command, withState(select), exclude);
  }

  /**
   * The selection with its {@code state:} terms answered against the last successful build; the
   * selection as it is when it has none. Fails clearly when no build is recorded yet, or when the
   * terms pick nothing (rather than running everything).
   */
  public String withState(String select) {
    if (!dev.sluice.core.state.StateSelection.uses(select)) {
      return select;
    }
    String rewritten =
        dev.sluice.core.state.StateSelection.rewrite(
            select,
            manifest,
            target,
            dev.sluice.core.state.LastGoodBuild.require(targetDir(), select));
    if (rewritten == null) {
      throw new dev.sluice.core.plan.SelectorException(
          "'" + select + "' picks nothing: no node changed since the last successful build");
    }
    return rewritten;
  }

  /** Runs a plan, records it in the history and under target/, and returns how it went. */
  public RunSummary run(
      Command command,
      String select,
      String exclude,
      int threads,
      boolean fullRefresh,
      RunListener listener) {
    return run(command, select, exclude, threads, fullRefresh, listener, null);
  }

  /**
   * @param trigger what started the run, recorded in the history; null when a person did
   */
  public RunSummary run(
      Command command,
      String select,
      String exclude,
      int threads,
      boolean fullRefresh,
      RunListener listener,
      String trigger) {
    Plan plan = plan(command, select, exclude);
    String runId = UUID.randomUUID().toString();
    Catalog catalog = Catalog.read(warehouse);
    ColumnPreflight.check(manifest, () -> compiler(fullRefresh, runId, catalog), warehouse, plan);
    RunHooks hooks = RunHooks.read(manifest.project().root());
    RunHookStatements.run(
        warehouse, () -> compiler(fullRefresh, runId), "on-run-start", hooks.onRunStart());
    Executor executor =
        new Executor(
            warehouse,
            options.loads().create(warehouse, manifest.project().root(), options.env()),
            RetryPolicy.read(manifest.project().root()));
    running = executor;
    history()
        .started(
            runId,
            command.label(),
            describe(select, exclude),
            java.time.Instant.now(),
            options.invokedFrom(),
            trigger);
    RunSummary summary;
    try {
      summary =
          executor.run(
              manifest,
              compiler(fullRefresh, runId, catalog),
              catalog,
              plan,
              command,
              threads(threads),
              fullRefresh,
              runId,
              listener);
    } finally {
      running = null;
    }
    // the files under target/ never touch the warehouse: the record of the last good build and the
    // run's artifacts (each a large JSON file for a large project) are written on two threads of
    // their own while the history, the quality metrics and the end hooks go to the warehouse;
    // both are joined before the run returns, and their warnings come last, as before
    java.util.concurrent.CompletableFuture<ProjectProblem> lastGood =
        aside(() -> recordLastGoodBuild(summary));
    java.util.concurrent.CompletableFuture<ProjectProblem> artifacts =
        aside(() -> writeArtifacts(summary));
    try {
      history()
          .finished(
              summary); // one transaction for all nodes: per-node inserts cost as much as small
      // builds
      try {
        QualityRecording.record(
            warehouse,
            manifest,
            target,
            summary,
            dev.sluice.core.quality.QualitySettings.read(manifest.project().root()));
      } catch (RuntimeException e) {
        // the run is recorded; losing one run's quality metrics must not fail it
        runWarnings.add(
            ProjectProblem.warning(null, 0, "could not record quality metrics: " + e.getMessage()));
      }
      try {
        RunHookStatements.run(
            warehouse, () -> compiler(fullRefresh, runId), "on-run-end", hooks.onRunEnd());
      } catch (ProjectException e) {
        // the run itself is done and recorded; a failing end hook must not hide that
        runWarnings.add(ProjectProblem.warning(null, 0, e.getMessage()));
      }
    } finally {
      // nothing is left writing under target/ once the run returns, even when recording failed
      ProjectProblem lastGoodProblem = joined(lastGood);
      ProjectProblem artifactsProblem = joined(artifacts);
      if (lastGoodProblem != null) {
        runWarnings.add(lastGoodProblem);
      }
      if (artifactsProblem != null) {
        runWarnings.add(artifactsProblem);
      }
    }
    return summary;
  }

  /** Records the nodes that built well; a warning when the record could not be written. */
  private ProjectProblem recordLastGoodBuild(RunSummary summary) {
    try {
      java.util.Set<String> good = new java.util.LinkedHashSet<>();
      boolean allGood = true;
      for (dev.sluice.core.run.NodeResult r : summary.results()) {
        if (r.status() == dev.sluice.core.run.NodeStatus.SUCCESS
            || r.status() == dev.sluice.core.run.NodeStatus.PASS
            || r.status() == dev.sluice.core.run.NodeStatus.WARN) {
          good.add(r.nodeId());
        } else {
          allGood = false;
        }
      }
      dev.sluice.core.state.LastGoodBuild.record(manifest, target, good, allGood, targetDir());
      return null;
    } catch (IOException | java.io.UncheckedIOException e) {
      return ProjectProblem.warning(
          null, 0, "could not record the last good build: " + e.getMessage());
    }
  }

  /** Writes run_results.json, manifest.json and the compiled SQL; a warning when it could not. */
  private ProjectProblem writeArtifacts(RunSummary summary) {
    try {
      RunArtifacts.write(manifest, target, summary, targetDir());
      return null;
    } catch (IOException | java.io.UncheckedIOException e) {
      // the run itself is done and recorded in the warehouse; a full disk must not hide that
      return ProjectProblem.warning(
          null, 0, "could not write run results under " + targetDir() + ": " + e.getMessage());
    }
  }

  /** {@code work} on a thread of its own. */
  private static <T> java.util.concurrent.CompletableFuture<T> aside(
      java.util.function.Supplier<T> work) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        work,
        r -> {
          Thread t = new Thread(r, "sluice-run-files");
          t.setDaemon(true);
          t.start();
        });
  }

  /** What {@code f} gave, once it is done; what it threw is thrown here as it was. */
  private static <T> T joined(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  public Path targetDir() {
    return manifest.project().root().resolve(manifest.project().settings().targetPath());
  }

  private int threads(int requested) {
    if (requested > 0) {
      return requested;
    }
    return target.threads() > 0 ? target.threads() : Runtime.getRuntime().availableProcessors();
  }

  private static String describe(String select, String exclude) {
    String s = select == null ? "" : select;
    return exclude == null || exclude.isBlank() ? s : s + " --exclude " + exclude;
  }

  /** Cancels the run in progress, if any. */
  public void cancel() {
    Executor e = running;
    if (e != null) {
      e.cancel();
    }
  }

  @Override
  public void close() {
    warehouse.close();
  }

  /** The project's warnings, then those of the runs so far (a run result that was not written). */
  public List<ProjectProblem> warnings() {
    List<ProjectProblem> all =
        new java.util.ArrayList<>(manifest.problems().stream().filter(p -> !p.isError()).toList());
    all.addAll(runWarnings);
    return all;
  }

  /** What went wrong beside the runs themselves; the CLI prints these after a run. */
  public List<ProjectProblem> runWarnings() {
    return List.copyOf(runWarnings);
  }
}

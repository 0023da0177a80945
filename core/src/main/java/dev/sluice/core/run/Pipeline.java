package dev.sluice.core.run;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.graph.Manifest;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Target;
import dev.sluice.core.template.TemplateEngine;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.DuckDbWarehouse;
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
  private final RunHistory history;
  private volatile Executor running;
  private java.util.function.Function<
          dev.sluice.core.project.Node, dev.sluice.core.warehouse.Relation>
      deferred = n -> null;

  private Pipeline(Manifest manifest, Target target, PipelineOptions options, Warehouse warehouse) {
    this.manifest = manifest;
    this.target = target;
    this.options = options;
    this.warehouse = warehouse;
    this.history = new RunHistory(warehouse);
  }

  /** Parses the project; throws {@link ProjectException} with every error when it has any. */
  public static Manifest parse(Path dir, PipelineOptions options) {
    Project project = new ProjectLoader(options.env()).load(dir);
    if (project.nodes().isEmpty() && project.hasErrors()) {
      throw new ProjectException(
          project.problems().stream().filter(ProjectProblem::isError).toList());
    }
    // parse templates even when files had problems, so one pass reports them all
    Target target = project.settings().target(options.target());
    Manifest manifest = Manifest.of(project, engine(project, target, options, "parse"), target);
    if (manifest.hasErrors()) {
      throw new ProjectException(
          manifest.problems().stream().filter(ProjectProblem::isError).toList());
    }
    return manifest;
  }

  public static Pipeline open(Path dir, PipelineOptions options) {
    Manifest manifest = parse(dir, options);
    Target target = manifest.project().settings().target(options.target());
    return new Pipeline(manifest, target, options, DuckDbWarehouse.open(target));
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

  public Manifest manifest() {
    return manifest;
  }

  public Target target() {
    return target;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public RunHistory history() {
    return history;
  }

  /** A compiler against this warehouse, for compile, previews and runs. */
  public Compiler compiler(boolean fullRefresh, String invocationId) {
    return compiler(fullRefresh, invocationId, Catalog.read(warehouse));
  }

  private Compiler compiler(boolean fullRefresh, String invocationId, Catalog catalog) {
    return new Compiler(
            manifest,
            engine(manifest.project(), target, options, invocationId),
            target,
            r ->
                !r.cte()
                    && catalog.kind(r).map(k -> k == Warehouse.RelationKind.TABLE).orElse(false),
            fullRefresh)
        .deferring(deferred);
  }

  /** Runs after this read the upstreams {@code where} names from there (dbt's --defer). */
  public void defer(
      java.util.function.Function<dev.sluice.core.project.Node, dev.sluice.core.warehouse.Relation>
          where) {
    this.deferred = where;
  }

  public Plan plan(Command command, String select, String exclude) {
    return Plan.of(manifest, command, select, exclude);
  }

  /** Runs a plan, records it in the history and under target/, and returns how it went. */
  public RunSummary run(
      Command command,
      String select,
      String exclude,
      int threads,
      boolean fullRefresh,
      RunListener listener) {
    Plan plan = plan(command, select, exclude);
    String runId = UUID.randomUUID().toString();
    Executor executor =
        new Executor(
            warehouse, options.loads().create(warehouse, manifest.project().root(), options.env()));
    running = executor;
    history.started(
        runId,
        command.label(),
        describe(select, exclude),
        java.time.Instant.now(),
        options.invokedFrom());
    RunSummary summary;
    Catalog catalog = Catalog.read(warehouse);
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
    history.finished(
        summary); // one transaction for all nodes: per-node inserts cost as much as small builds
    try {
      RunArtifacts.write(manifest, target, summary, targetDir());
    } catch (IOException | java.io.UncheckedIOException e) {
      // the run itself is done and recorded in the warehouse; a full disk must not hide that
      System.err.println(
          "could not write run results under " + targetDir() + ": " + e.getMessage());
    }
    return summary;
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

  public List<ProjectProblem> warnings() {
    return manifest.problems().stream().filter(p -> !p.isError()).toList();
  }
}

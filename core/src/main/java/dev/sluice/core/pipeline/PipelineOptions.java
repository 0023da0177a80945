package dev.sluice.core.pipeline;

import dev.sluice.core.run.SourceLoadStep;
import dev.sluice.core.run.SourceLoads;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to open a project for running: which target, extra vars, the environment, and how source
 * tables are loaded.
 *
 * @param target the target's name, or null for the project's default
 * @param loads makes the loader for a run
 * @param invokedFrom {@code cli} or {@code app}, recorded in the run history
 */
public record PipelineOptions(
    String target,
    Map<String, Object> vars,
    Map<String, String> env,
    Loads loads,
    String invokedFrom) {

  /** Makes the loader of a run. */
  @FunctionalInterface
  public interface Loads {
    SourceLoads create(Warehouse warehouse, Path projectRoot, Map<String, String> env);
  }

  /** Sources load through the connectors on the class path. */
  public static PipelineOptions defaults() {
    return new PipelineOptions(null, Map.of(), System.getenv(), SourceLoadStep::new, "cli");
  }

  public PipelineOptions withTarget(String name) {
    return new PipelineOptions(name, vars, env, loads, invokedFrom);
  }

  public PipelineOptions withVars(Map<String, Object> newVars) {
    return new PipelineOptions(target, newVars, env, loads, invokedFrom);
  }

  public PipelineOptions withLoads(Loads newLoads) {
    return new PipelineOptions(target, vars, env, newLoads, invokedFrom);
  }

  public PipelineOptions withEnv(Map<String, String> newEnv) {
    return new PipelineOptions(target, vars, newEnv, loads, invokedFrom);
  }

  public PipelineOptions from(String who) {
    return new PipelineOptions(target, vars, env, loads, who);
  }
}

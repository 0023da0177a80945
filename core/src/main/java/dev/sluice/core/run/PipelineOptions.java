package dev.sluice.core.run;

import dev.sluice.core.warehouse.Warehouse;
import java.util.Map;
import java.util.function.Function;

/**
 * How to open a project for running: which target, extra vars, the environment, and how source
 * tables are loaded.
 *
 * @param target the target's name, or null for the project's default
 * @param loads makes the loader for a warehouse; {@code w -> SourceLoads.NONE} when nothing loads
 * @param invokedFrom {@code cli} or {@code app}, recorded in the run history
 */
public record PipelineOptions(String target, Map<String, Object> vars, Map<String, String> env,
    Function<Warehouse, SourceLoads> loads, String invokedFrom) {

  public static PipelineOptions defaults() {
    return new PipelineOptions(null, Map.of(), System.getenv(), w -> SourceLoads.NONE, "cli");
  }

  public PipelineOptions withTarget(String name) {
    return new PipelineOptions(name, vars, env, loads, invokedFrom);
  }

  public PipelineOptions withVars(Map<String, Object> newVars) {
    return new PipelineOptions(target, newVars, env, loads, invokedFrom);
  }

  public PipelineOptions withLoads(Function<Warehouse, SourceLoads> newLoads) {
    return new PipelineOptions(target, vars, env, newLoads, invokedFrom);
  }

  public PipelineOptions withEnv(Map<String, String> newEnv) {
    return new PipelineOptions(target, vars, newEnv, loads, invokedFrom);
  }

  public PipelineOptions from(String who) {
    return new PipelineOptions(target, vars, env, loads, who);
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.state.SavedState;
import dev.sluice.core.state.StateSelection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --state and the state: selector method it answers. */
final class StateOptions {
  @Option(
      names = "--state",
      paramLabel = "DIR",
      description =
          "A folder with a saved manifest.json (e.g. production's target/) for --select"
              + " state:modified+, state:new, state:modified.body, state:modified.configs;"
              + " without it they compare with the last successful build.")
  Path state;

  @Option(
      names = "--defer",
      description =
          "Read upstreams this run does not build, and the target does not have, from where the"
              + " --state manifest says they are (another target's relations).")
  boolean defer;

  /** With --defer, points the pipeline's refs of unbuilt upstreams at the saved manifest's. */
  void deferIfAsked(
      Pipeline pipeline, dev.sluice.core.plan.Command command, String select, String exclude) {
    if (!defer) {
      return;
    }
    if (state == null) {
      throw new SelectorException("--defer reads upstreams from a saved manifest: add --state DIR");
    }
    java.util.Set<String> building =
        new java.util.HashSet<>(pipeline.plan(command, select, exclude).order());
    pipeline.defer(
        dev.sluice.core.state.Deferral.of(
            pipeline.manifest(),
            pipeline.target(),
            building,
            pipeline.warehouse(),
            SavedState.read(state)));
  }

  /** The selection with state: terms answered; null when they pick nothing at all. */
  String select(String select, Pipeline pipeline) {
    if (!StateSelection.uses(select)) {
      return select;
    }
    if (state == null) {
      // the last successful build Sluice recorded under the target folder
      return StateSelection.rewrite(
          select,
          pipeline.manifest(),
          pipeline.target(),
          dev.sluice.core.state.LastGoodBuild.require(pipeline.targetDir(), select));
    }
    return StateSelection.rewrite(
        select, pipeline.manifest(), pipeline.target(), SavedState.read(state));
  }
}

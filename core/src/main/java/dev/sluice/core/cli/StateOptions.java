package dev.sluice.core.cli;

import dev.sluice.core.graph.SelectorException;
import dev.sluice.core.run.Pipeline;
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
              + " state:modified+, state:new, state:modified.body, state:modified.configs.")
  Path state;

  /** The selection with state: terms answered; null when they pick nothing at all. */
  String select(String select, Pipeline pipeline) {
    if (!StateSelection.uses(select)) {
      return select;
    }
    if (state == null) {
      throw new SelectorException(
          "state: selectors compare against a saved manifest: add --state DIR");
    }
    return StateSelection.rewrite(
        select, pipeline.manifest(), pipeline.target(), SavedState.read(state));
  }
}

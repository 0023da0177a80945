package dev.sluice.core.cli;

import dev.sluice.core.run.PipelineOptions;

/** Connects the executor to the source loader. */
final class Loads {
  private Loads() {}

  static PipelineOptions wire(PipelineOptions options) {
    return options;
  }
}

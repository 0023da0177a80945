package dev.sluice.core.plan;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.SourceTable;
import java.util.Locale;

/**
 * What a run does with the selected nodes: build all (exports included), or only loads, seeds,
 * models, snapshots or tests.
 */
public enum Command {
  BUILD,
  LOAD,
  SEED,
  RUN,
  SNAPSHOT,
  TEST;

  public boolean includes(Node node) {
    return switch (node.kind()) {
      case SOURCE -> (this == BUILD || this == LOAD) && ((SourceTable) node).isLoaded();
      case SEED -> this == BUILD || this == SEED;
      case MODEL -> this == BUILD || this == RUN;
      case SNAPSHOT -> this == BUILD || this == SNAPSHOT;
      case TEST -> this == BUILD || this == TEST;
        // as dbt splits run and build: exports hand data out, so only a full build writes them
      case EXPORT -> this == BUILD;
    };
  }

  /** Whether the tests of selected nodes join the selection (dbt's indirect selection). */
  public boolean addsTests() {
    return this == BUILD || this == TEST;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

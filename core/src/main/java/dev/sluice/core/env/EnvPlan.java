package dev.sluice.core.env;

import java.util.List;

/**
 * What a plan does to an environment: the changes against the environment it is compared with, and
 * the versions it must build because no environment has them.
 *
 * @param against the environment compared with ({@code prod})
 * @param toBuild the node ids whose new versions are built, in build order
 * @param reused how many models the environment takes from existing physical tables as they are
 */
public record EnvPlan(
    String env, String against, List<Change> changes, List<String> toBuild, int reused) {
  public EnvPlan {
    changes = List.copyOf(changes);
    toBuild = List.copyOf(toBuild);
  }

  public boolean hasBreakingChange() {
    return changes.stream().anyMatch(c -> Boolean.TRUE.equals(c.breaking()));
  }
}

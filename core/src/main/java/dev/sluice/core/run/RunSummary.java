package dev.sluice.core.run;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of a whole run. */
public record RunSummary(
    String runId,
    String command,
    Instant startedAt,
    long durationMillis,
    List<NodeResult> results,
    boolean cancelled) {

  public RunSummary {
    results = List.copyOf(results);
  }

  public Map<NodeStatus, Integer> counts() {
    Map<NodeStatus, Integer> m = new EnumMap<>(NodeStatus.class);
    results.forEach(r -> m.merge(r.status(), 1, Integer::sum));
    return m;
  }

  public boolean failed() {
    return cancelled || results.stream().anyMatch(r -> r.status().failsRun());
  }

  /**
   * The process exit code: 0 when all went well, 1 when a node or test failed or the run was
   * cancelled.
   */
  public int exitCode() {
    return failed() ? 1 : 0;
  }
}

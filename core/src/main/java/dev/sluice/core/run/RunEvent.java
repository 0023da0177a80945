package dev.sluice.core.run;

import java.time.Instant;
import java.util.List;

/**
 * What a run tells its listeners, in order: started, then per node started/finished, then finished.
 * The CLI prints these; the app turns them into badges, the run panel and the history.
 */
public sealed interface RunEvent {
  String runId();

  /**
   * @param nodeIds every planned node, in the order they may start
   */
  record RunStarted(String runId, String command, List<String> nodeIds, Instant at)
      implements RunEvent {
    public RunStarted {
      nodeIds = List.copyOf(nodeIds);
    }
  }

  record NodeStarted(String runId, String nodeId, Instant at) implements RunEvent {}

  /**
   * @param index 1-based position among finished nodes; @param total planned nodes
   */
  record NodeFinished(String runId, NodeResult result, int index, int total) implements RunEvent {}

  /**
   * A node failed and will be tried again after {@code delay}.
   *
   * @param attempt the attempt that failed (1-based); @param of how many attempts it may take
   */
  record NodeRetrying(
      String runId,
      String nodeId,
      int attempt,
      int of,
      String message,
      java.time.Duration delay,
      Instant at)
      implements RunEvent {}

  record RunFinished(String runId, RunSummary summary) implements RunEvent {}
}

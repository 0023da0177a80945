package dev.sluice.app.runs;

import dev.sluice.core.run.NodeStatus;

/** What the graph shows on a node: where it is in the current (or a past) run. */
public enum NodeRunState {
  IDLE,
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  CANCELLED,
  TEST_PASSED,
  TEST_WARNED,
  TEST_FAILED;

  public static NodeRunState of(NodeStatus status) {
    return switch (status) {
      case SUCCESS -> SUCCEEDED;
      case ERROR -> FAILED;
      case SKIPPED -> SKIPPED;
      case CANCELLED -> CANCELLED;
      case PASS -> TEST_PASSED;
      case WARN -> TEST_WARNED;
      case FAIL -> TEST_FAILED;
    };
  }

  public boolean isFinished() {
    return this != IDLE && this != QUEUED && this != RUNNING;
  }

  /** The CSS style class the canvas and the run panel use for this state. */
  public String styleClass() {
    return "run-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

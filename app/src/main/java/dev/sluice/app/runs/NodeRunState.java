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

  /** What a node's badge says in this state: the row count and time, or the failing rows. */
  public String badgeText(dev.sluice.core.run.NodeResult r) {
    return switch (this) {
      case IDLE -> "";
      case QUEUED -> "queued";
      case RUNNING -> "running";
      case SUCCEEDED ->
          r == null
              ? "ok"
              : (r.rows() >= 0 ? r.rows() + " rows · " : "")
                  + String.format(java.util.Locale.ROOT, "%.2fs", r.durationMillis() / 1000.0);
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
      case CANCELLED -> "cancelled";
      case TEST_PASSED -> "pass";
      case TEST_WARNED -> r == null ? "warn" : "warn · " + r.rows();
      case TEST_FAILED -> r == null ? "fail" : "fail · " + r.rows();
    };
  }
}

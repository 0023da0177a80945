package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import java.util.Locale;
import javafx.animation.FadeTransition;
import javafx.animation.Animation;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * The small status label a node on the graph wears during and after a run: queued, running (it
 * pulses), the row count and time when it succeeded, or failed.
 */
public final class RunBadge extends Label {
  private final FadeTransition pulse = new FadeTransition(Duration.millis(600), this);

  public RunBadge() {
    getStyleClass().add("run-badge");
    pulse.setFromValue(1);
    pulse.setToValue(0.35);
    pulse.setAutoReverse(true);
    pulse.setCycleCount(Animation.INDEFINITE);
    setVisible(false);
  }

  public void show(NodeRunState state, NodeResult result) {
    getStyleClass().removeIf(s -> s.startsWith("run-") && !s.equals("run-badge"));
    pulse.stop();
    setOpacity(1);
    if (state == NodeRunState.IDLE) {
      setVisible(false);
      return;
    }
    setVisible(true);
    getStyleClass().add(state.styleClass());
    setText(text(state, result));
    if (state == NodeRunState.RUNNING) {
      pulse.play();
    }
  }

  static String text(NodeRunState state, NodeResult r) {
    return switch (state) {
      case IDLE -> "";
      case QUEUED -> "queued";
      case RUNNING -> "running";
      case SUCCEEDED -> r == null ? "ok" : (r.rows() >= 0 ? r.rows() + " rows · " : "")
          + String.format(Locale.ROOT, "%.2fs", r.durationMillis() / 1000.0);
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
      case CANCELLED -> "cancelled";
      case TEST_PASSED -> "pass";
      case TEST_WARNED -> r == null ? "warn" : "warn · " + r.rows();
      case TEST_FAILED -> r == null ? "fail" : "fail · " + r.rows();
    };
  }
}

package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
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
    setText(state.badgeText(result));
    if (state == NodeRunState.RUNNING) {
      pulse.play();
    }
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.RunRequest;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side panels on a small screen: each one hides and comes back with its shortcut, and a run
 * brings back the run panel that an open editor had shrunk to its tabs.
 */
class PanelsUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
    stage.setWidth(1280);
    stage.setHeight(720);
  }

  @TempDir Path dir;

  @Test
  void panelsHideWithTheirShortcutsAndARunBringsTheRunPanelBack(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    PanelToggles panels = w.panels;
    assertThat(panels.isShown(PanelToggles.Panel.EXPLORER)).isTrue();
    assertThat(panels.isShown(PanelToggles.Panel.INSPECTOR)).isTrue();
    double graphWidth = w.graph().getWidth();

    robot.interact(() -> w.graph().requestFocus());
    robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1);
    robot.press(KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
    try {
      assertThat(panels.isShown(PanelToggles.Panel.EXPLORER)).isFalse();
      assertThat(panels.isShown(PanelToggles.Panel.INSPECTOR)).isFalse();
      assertThat(robot.lookup("#explorer").tryQuery()).isEmpty();
      assertThat(
              robot.lookup("#run-select").queryAs(javafx.scene.control.TextField.class).getText())
          .as("the shortcut types nothing into a text box")
          .isEmpty();
      robot.interact(() -> w.graph().fit());
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(w.graph().getWidth())
          .as("the graph takes the room of both side panels")
          .isGreaterThan(graphWidth + 400);
      shoot(robot, "small-screen-panels-hidden.png");
    } finally {
      // the choice is kept for the next start: leave it as it was
      robot.interact(() -> panels.toggle(PanelToggles.Panel.EXPLORER));
      robot.interact(() -> panels.toggle(PanelToggles.Panel.INSPECTOR));
    }
    assertThat(panels.isShown(PanelToggles.Panel.EXPLORER)).isTrue();

    // an editor shrinks the run panel to its tabs; a run brings it back
    robot.interact(() -> w.openEditor("model.customers"));
    WaitForAsyncUtils.waitForFxEvents();
    SplitPane vertical = (SplitPane) w.getCenter();
    assertThat(vertical.getDividerPositions()[0]).isGreaterThan(0.85);
    robot.interact(() -> w.run(RunRequest.node("model.stg_customers")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vertical.getDividerPositions()[0]).as("the run panel is back").isLessThan(0.75);
    // the run starts on a worker: wait for its end, not for the moment before it began
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sluice.app.runs.NodeRunState;
import dev.sluice.core.testing.Samples;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the shop sample: open, find, build from the toolbar, see badges and history.
 */
class WorkbenchUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void openFindBuildAndSeeTheOutcomeOnTheGraph(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitForFxEvents();
    int nodes = w.project().manifestProperty().get().dag().nodeIds().size();
    assertThat(w.graph().nodeCount()).isEqualTo(nodes).isGreaterThan(30);
    assertThat(stage.getTitle()).isEqualTo("shop — Sluice");

    Node minimap = robot.lookup("#minimap").query();
    robot.interact(() -> w.graph().fit());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(minimap.isVisible())
        .as("with the whole graph in view the minimap steps aside")
        .isFalse();
    robot.interact(() -> w.graph().zoom(2.5));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(minimap.isVisible()).isTrue();
    javafx.scene.layout.Pane content =
        (javafx.scene.layout.Pane) w.graph().getChildrenUnmodifiable().get(0);
    double before = content.getTranslateX();
    javafx.geometry.Bounds mb = minimap.localToScreen(minimap.getBoundsInLocal());
    robot
        .moveTo(new javafx.geometry.Point2D(mb.getMinX() + 6, mb.getCenterY()))
        .clickOn(javafx.scene.input.MouseButton.PRIMARY);
    assertThat(content.getTranslateX())
        .as("clicking the minimap moves the view")
        .isNotEqualTo(before);
    robot.interact(() -> w.graph().fit());

    robot.interact(() -> w.findNode("customers"));
    assertThat(w.project().selectedProperty().get()).isEqualTo("model.customers");
    assertThat(robot.lookup(".inspector-title").queryAs(Label.class).getText())
        .isEqualTo("customers");

    robot.clickOn("#build-all");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.runs().state("model.customers")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(w.runs().state("test.unique_customers_customer_id"))
        .isEqualTo(NodeRunState.TEST_PASSED);
    javafx.scene.Node card =
        robot
            .lookup(
                (javafx.scene.Node n) ->
                    "node-model.customers".equals(dev.sluice.app.graph.GraphIds.of(n)))
            .query();
    assertThat(robot.from(card).lookup(".run-badge").queryAs(Label.class).getText())
        .startsWith("120 rows");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !w.history.runs().isEmpty());
    assertThat(w.history.runs().get(0).invokedFrom()).isEqualTo("app");

    robot.interact(() -> w.graph().fit());
    shoot(robot, "main-light.png");
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "main-dark.png");
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
  }

  /** Writes the window to docs/screenshots and fails if it did not render (a near-blank image). */
  @Override
  BufferedImage shoot(FxRobot robot, String name) throws Exception {
    BufferedImage b = super.shoot(robot, name);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < b.getHeight(); y += 4) {
      for (int x = 0; x < b.getWidth(); x += 4) {
        colours.add(b.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours in " + name).isGreaterThan(50);
    return b;
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.bench.SyntheticProject;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A large graph zoomed out is drawn on one canvas: no cards are made, and a click still selects.
 */
class OverviewUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void zoomingOutALargeGraphDrawsAnOverviewWhereAClickSelects(FxRobot robot) throws Exception {
    SyntheticProject.write(dir, 600, 10);
    Workbench w = window.workbench();
    open(robot, dir);
    WaitForAsyncUtils.waitForFxEvents();
    Node overview = robot.lookup("#graph-overview").query();
    assertThat(overview.isVisible()).as("cards at the opening zoom").isFalse();
    int cards = w.graph().nodeCount();
    assertThat(cards).isGreaterThan(0).isLessThan(600);

    robot.interact(() -> w.graph().zoom(0.2));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(overview.isVisible()).isTrue();
    assertThat(w.graph().nodeCount()).as("no card is made while zoomed out").isEqualTo(cards);
    Pane content = (Pane) w.graph().getChildrenUnmodifiable().get(0);
    assertThat(content.isVisible()).isFalse();

    String id = w.project().manifestProperty().get().dag().nodeIds().iterator().next();
    GraphLayout.Point p = w.project().position(id);
    Point2D onScreen =
        content.localToScreen(
            p.x() + ProjectViewModel.NODE_WIDTH / 2, p.y() + ProjectViewModel.NODE_HEIGHT / 2);
    robot.clickOn(onScreen);
    assertThat(w.project().selectedProperty().get()).isEqualTo(id);
    assertThat(w.project().selection().ids()).containsExactly(id);

    // a short pan moves the drawn overview instead of drawing it again; a long one draws afresh
    robot.interact(() -> w.graph().panBy(-40, 10));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(overview.getTranslateX()).isEqualTo(-40.0);
    assertThat(overview.getTranslateY()).isEqualTo(10.0);
    robot.interact(() -> w.graph().panBy(-w.graph().getWidth(), 0));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(overview.getTranslateX()).isZero();
    robot.interact(() -> w.graph().panBy(w.graph().getWidth() + 40, -10));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> w.project().selection().only(id));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "graph-overview.png");
    // drawn again after the long pans: the node is drawn where its place on the graph is
    Point2D at =
        overview.screenToLocal(
            content.localToScreen(
                p.x() + ProjectViewModel.NODE_WIDTH / 2, p.y() + ProjectViewModel.NODE_HEIGHT / 2));
    javafx.scene.paint.Color[] pixel = new javafx.scene.paint.Color[1];
    javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
    transparent.setFill(javafx.scene.paint.Color.TRANSPARENT);
    robot.interact(
        () ->
            pixel[0] =
                overview
                    .snapshot(transparent, null)
                    .getPixelReader()
                    .getColor((int) at.getX(), (int) at.getY()));
    assertThat(pixel[0].getOpacity())
        .as("a node's rectangle, not the background")
        .isGreaterThan(0.5);

    robot.interact(() -> w.graph().zoom(5));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(overview.isVisible()).isFalse();
    assertThat(content.isVisible()).isTrue();
  }
}

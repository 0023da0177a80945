package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What keeps panning cheap for the software renderer: cards drawn once into a cached image, edges
 * drawn without antialiasing while the view moves and smooth again once it rests, and the graph
 * moved by whole pixels only (an image at any other offset is interpolated pixel by pixel), and no
 * transparent background over it (the renderer fills those too, on every frame of a pan); cards and
 * edges carry no CSS id of their own, so the styles matched for one are reused for the next.
 */
class PanningCostUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void cardsAreCachedAndEdgesAreSmoothOnlyAtRest(FxRobot robot) throws Exception {
    Workbench w = window.workbench();
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    List<Node> cards = List.copyOf(robot.lookup(".node-card").queryAll());
    assertThat(cards).isNotEmpty().allMatch(Node::isCache);
    List<CubicCurve> edges =
        robot.lookup(".edge").queryAll().stream()
            .filter(CubicCurve.class::isInstance)
            .map(CubicCurve.class::cast)
            .toList();
    assertThat(edges).isNotEmpty();
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> edges.stream().allMatch(e -> e.isSmooth()));

    robot.interact(() -> w.graph().panBy(-30, 0));
    assertThat(edges).noneMatch(CubicCurve::isSmooth);
    robot.interact(() -> w.graph().panBy(-30, 0));
    assertThat(edges).noneMatch(CubicCurve::isSmooth);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> edges.stream().allMatch(e -> e.isSmooth()));
  }

  @Test
  void theGraphMovesByWholePixelsWhilePansOfAFractionStillAddUp(FxRobot robot) throws Exception {
    Workbench w = window.workbench();
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.layout.Pane content =
        (javafx.scene.layout.Pane) w.graph().getChildrenUnmodifiable().get(0);
    robot.interact(() -> w.graph().zoom(1.37)); // zoomed about the centre: no whole offset
    double x0 = content.getTranslateX();
    double y0 = content.getTranslateY();
    assertThat(x0).isEqualTo(Math.rint(x0));
    assertThat(y0).isEqualTo(Math.rint(y0));
    for (int i = 0; i < 5; i++) {
      robot.interact(() -> w.graph().panBy(0.4, -0.3));
      assertThat(content.getTranslateX()).isEqualTo(Math.rint(content.getTranslateX()));
      assertThat(content.getTranslateY()).isEqualTo(Math.rint(content.getTranslateY()));
    }
    assertThat(content.getTranslateX() - x0).as("five pans of 0.4").isBetween(1.0, 3.0);
    assertThat(content.getTranslateY() - y0).as("five pans of -0.3").isBetween(-2.0, -1.0);
  }

  @Test
  void noRegionAroundTheGraphFillsATransparentBackground(FxRobot robot) throws Exception {
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> transparent = new java.util.ArrayList<>();
    int[] around = new int[1];
    robot.interact(
        () -> {
          for (javafx.scene.Node n = window.workbench().graph(); n != null; n = n.getParent()) {
            around[0]++;
            if (n instanceof javafx.scene.layout.Region r
                && r.getBackground() != null
                && r.getBackground().getFills().stream()
                    .anyMatch(f -> Color.TRANSPARENT.equals(f.getFill()))) {
              transparent.add(n.getClass().getSimpleName() + n.getStyleClass());
            }
          }
        });
    assertThat(around[0]).as("the graph is in the window").isGreaterThan(3);
    assertThat(transparent).isEmpty();
  }

  @Test
  void cardsAndEdgesAreNamedWithoutACssIdOfTheirOwn(FxRobot robot) throws Exception {
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    List<Node> named = new java.util.ArrayList<>(robot.lookup(".node-card").queryAll());
    named.addAll(robot.lookup(".edge-group").queryAll());
    assertThat(robot.lookup(".node-card").queryAll()).isNotEmpty();
    assertThat(robot.lookup(".edge-group").queryAll()).isNotEmpty();
    assertThat(named).allMatch(n -> n.getId() == null);
    assertThat(named)
        .allMatch(
            n -> {
              String name = dev.sluice.app.graph.GraphIds.of(n);
              return name != null && (name.startsWith("node-") || name.startsWith("edge-"));
            });
  }
}

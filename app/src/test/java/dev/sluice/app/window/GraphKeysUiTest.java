package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Finding a node lists the matches and zooms to the chosen one; the arrow keys then walk the graph
 * from it.
 */
class GraphKeysUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void findListsMatchesZoomsToTheNodeAndArrowsWalkTheGraph(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.graph().fit());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.findMatches("cust"))
        .as("names starting with the text come first")
        .startsWith("customers")
        .contains("stg_customers", "raw_customers");

    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    robot.write("stg_cust");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup(".auto-complete-popup").tryQuery().isPresent());
    ListView<?> matches =
        robot
            .lookup((Node n) -> n instanceof ListView<?> && n.getScene() != w.getScene())
            .queryAs(ListView.class);
    assertThat(matches.getItems()).extracting(Object::toString).contains("stg_customers");
    shoot(robot, "find-matches.png");

    double before = cardWidthOnScreen(robot, "model.stg_customers");
    robot.interact(() -> w.findNode("stg_customers"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.project().selectedProperty().get()).isEqualTo("model.stg_customers");
    assertThat(cardWidthOnScreen(robot, "model.stg_customers"))
        .as("zoomed to the node")
        .isGreaterThan(before * 1.25);

    // the arrow keys move the selection to the neighbouring card: right is downstream
    robot.interact(() -> w.graph().requestFocus());
    robot.type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    String next = w.project().selectedProperty().get();
    assertThat(next).isNotEqualTo("model.stg_customers");
    assertThat(w.project().position(next).x())
        .isGreaterThan(w.project().position("model.stg_customers").x());
    robot.type(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.project().position(w.project().selectedProperty().get()).x())
        .as("left goes back upstream")
        .isLessThan(w.project().position(next).x());
    shoot(robot, "graph-keyboard-focus.png");
  }

  private static double cardWidthOnScreen(FxRobot robot, String id) {
    Node card =
        robot
            .lookup((Node n) -> ("node-" + id).equals(dev.sluice.app.graph.GraphIds.of(n)))
            .query();
    return card.localToScreen(card.getBoundsInLocal()).getWidth();
  }
}

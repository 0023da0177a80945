package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.GraphSelection;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Selecting several nodes on the canvas, moving them together, and folding a folder into a group
 * card.
 */
class CanvasSelectionUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  private static Optional<Node> byId(FxRobot robot, String id) {
    return robot
        .lookup((Node n) -> id.equals(dev.sluice.app.graph.GraphIds.of(n)) && n.isVisible())
        .tryQuery();
  }

  private static Node card(FxRobot robot, String nodeId) {
    return byId(robot, "node-" + nodeId)
        .orElseThrow(() -> new AssertionError("no card for " + nodeId));
  }

  private static Bounds onScreen(Node n) {
    return n.localToScreen(n.getBoundsInLocal());
  }

  @Test
  void ctrlClickBandDragAndCollapseAFolder(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> w.graph().fit());
    GraphSelection selection = w.project().selection();

    // Ctrl-click two cards
    robot.clickOn(card(robot, "model.stg_orders"));
    robot
        .press(KeyCode.CONTROL)
        .clickOn(card(robot, "model.stg_customers"))
        .release(KeyCode.CONTROL);
    assertThat(selection.ids())
        .containsExactlyInAnyOrder("model.stg_orders", "model.stg_customers");
    assertThat(card(robot, "model.stg_customers").getPseudoClassStates().toString())
        .contains("selected");
    assertThat(card(robot, "model.stg_orders").getPseudoClassStates().toString())
        .contains("selected");

    // dragging one of them moves both by the same distance
    GraphLayout.Point orders = w.project().position("model.stg_orders");
    GraphLayout.Point customers = w.project().position("model.stg_customers");
    Bounds b = onScreen(card(robot, "model.stg_orders"));
    robot
        .drag(new Point2D(b.getMinX() + 30, b.getMinY() + 10), MouseButton.PRIMARY)
        .moveTo(new Point2D(b.getMinX() + 60, b.getMinY() + 60))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    GraphLayout.Point orders2 = w.project().position("model.stg_orders");
    GraphLayout.Point customers2 = w.project().position("model.stg_customers");
    assertThat(orders2).isNotEqualTo(orders);
    assertThat(customers2.x() - customers.x()).isCloseTo(orders2.x() - orders.x(), within(0.001));
    assertThat(customers2.y() - customers.y()).isCloseTo(orders2.y() - orders.y(), within(0.001));
    assertThat(selection.ids()).as("dragging keeps the selection").hasSize(2);

    // Shift-drag a band around one card on the empty canvas: it alone is selected
    robot.interact(() -> w.graph().fit());
    Bounds target = onScreen(card(robot, "model.daily_revenue"));
    robot
        .press(KeyCode.SHIFT)
        .drag(new Point2D(target.getMinX() - 6, target.getMinY() - 6), MouseButton.PRIMARY)
        .moveTo(new Point2D(target.getMaxX() + 6, target.getMaxY() + 6))
        .release(MouseButton.PRIMARY)
        .release(KeyCode.SHIFT);
    assertThat(selection.ids()).containsExactly("model.daily_revenue");
    assertThat(w.project().selectedProperty().get()).isEqualTo("model.daily_revenue");

    // Ctrl+A selects all, Escape clears
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    assertThat(selection.ids())
        .hasSize(w.project().manifestProperty().get().dag().nodeIds().size());
    robot.type(KeyCode.ESCAPE);
    assertThat(selection.ids()).isEmpty();

    // collapse models/staging from a card's context menu
    // Monocle's headless platform raises no context-menu request on a right click: ask as the OS
    // would
    Node products = card(robot, "model.stg_products");
    Bounds pb = onScreen(products);
    robot.interact(
        () ->
            javafx.event.Event.fireEvent(
                products,
                new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20,
                    10,
                    pb.getMinX() + 20,
                    pb.getMinY() + 10,
                    false,
                    null)));
    assertThat(selection.ids()).containsExactly("model.stg_products");
    robot.clickOn("Collapse Folder models/staging");
    WaitForAsyncUtils.waitForFxEvents();
    Node group =
        byId(robot, "group-models/staging").orElseThrow(() -> new AssertionError("no group card"));
    assertThat(robot.from(group).lookup(".node-detail").queryLabeled().getText())
        .startsWith(
            w.project()
                    .shown()
                    .groups()
                    .get(FolderGroups.groupId("models/staging"))
                    .members()
                    .size()
                + " nodes");
    assertThat(byId(robot, "node-model.stg_products")).isEmpty();
    assertThat(byId(robot, "node-model.stg_orders")).isEmpty();
    assertThat(byId(robot, "node-model.orders")).isPresent();
    assertThat(byId(robot, "edge-folder:models/staging->model.orders")).isPresent();

    // double-click expands it again
    robot.doubleClickOn(group);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(byId(robot, "group-models/staging")).isEmpty();
    assertThat(byId(robot, "node-model.stg_products")).isPresent();
    assertThat(w.project().collapsed()).isEmpty();
  }
}

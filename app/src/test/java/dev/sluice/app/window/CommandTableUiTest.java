package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The menu bar, the toolbar, a card's context menu and the graph's keys are drawn from one command
 * table: the same label and shortcut in each, the key the graph acts on is the one the table names,
 * and a command the table disables is disabled everywhere it is shown.
 */
class CommandTableUiTest extends WindowTestBase {
  private static final String ORDERS = "model.orders";

  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void menusToolbarContextMenuAndKeysShareOneDefinition(FxRobot robot) throws Exception {
    Workbench w = window.workbench();
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> w.graph().fit());
    WaitForAsyncUtils.waitForFxEvents();

    Map<String, MenuItem> menuBar = new HashMap<>();
    robot.interact(
        () -> {
          MenuBar bar = (MenuBar) ((BorderPane) stage.getScene().getRoot()).getTop();
          bar.getMenus().forEach(m -> collect(m, menuBar));
        });
    List<String> inMenuBar = new ArrayList<>();
    for (Command c : w.commands.all()) {
      MenuItem item = menuBar.get(c.label());
      if (item == null) {
        continue; // the graph's own commands (Select All, Clear Selection) have no menu item
      }
      inMenuBar.add(c.id());
      assertThat(item.getAccelerator())
          .as("the menu's shortcut for %s", c.id())
          .isEqualTo(
              c.accelerator() == null ? null : KeyCombination.keyCombination(c.accelerator()));
    }
    assertThat(inMenuBar).contains("build-all", "rename", "delete", "open-sql", "run-selected");
    Node build = robot.lookup("#build-all").query();
    assertThat(((javafx.scene.control.Button) build).getTooltip().getText())
        .isEqualTo(
            w.commands.get("build-all").label()
                + " ("
                + w.commands.get("build-all").shortcutText()
                + ")");

    // the card's context menu, as the graph shows it on a right click
    ContextMenu menu = contextMenuOf(robot, ORDERS);
    Map<String, MenuItem> byId = new HashMap<>();
    menu.getItems().stream().filter(i -> i.getId() != null).forEach(i -> byId.put(i.getId(), i));
    for (String id : WorkbenchCommands.CARD) {
      if (id == null) {
        continue;
      }
      Command c = w.commands.get(id);
      MenuItem item = byId.get("menu-" + id);
      assertThat(item).as("the card's item for %s", id).isNotNull();
      if (c.keyText() != null) {
        assertThat(item.getText()).as(id).endsWith("(" + c.keyText() + ")");
      }
    }
    assertThat(byId.get("menu-open-sql").getText())
        .isEqualTo("Open SQL Editor (" + keyText("Enter") + ")");
    assertThat(byId.get("menu-rename").getText()).isEqualTo("Rename… (F2)");

    // a command the table disables (no second run while one runs) is disabled in each place
    assertThat(byId.get("menu-run-selected").isDisable()).isFalse();
    robot.interact(() -> w.runs().runningProperty().set(true));
    assertThat(byId.get("menu-run-selected").isDisable()).isTrue();
    assertThat(byId.get("menu-test-selected").isDisable()).isTrue();
    assertThat(menuBar.get(w.commands.get("run-selected").label()).isDisable()).isTrue();
    assertThat(build.isDisable()).isTrue();
    robot.interact(menu::hide);
    ContextMenu again = contextMenuOf(robot, ORDERS);
    assertThat(item(again, "menu-run-upstream").isDisable())
        .as("a menu shown while running")
        .isTrue();
    robot.interact(again::hide);
    robot.interact(() -> w.runs().runningProperty().set(false));
    assertThat(menuBar.get(w.commands.get("run-selected").label()).isDisable()).isFalse();

    // the graph acts on the keys the table names
    int nodes = w.project().manifestProperty().get().dag().nodeIds().size();
    press(robot, w, w.commands.get("select-all"));
    assertThat(w.project().selection().ids()).hasSize(nodes);
    press(robot, w, w.commands.get("clear-selection"));
    assertThat(w.project().selection().ids()).isEmpty();
    robot.interact(() -> w.project().selection().only(ORDERS));
    press(robot, w, w.commands.get("preview"));
    javafx.scene.control.TabPane bottom = robot.lookup("#bottom-tabs").query();
    assertThat(bottom.getSelectionModel().getSelectedItem().getText()).isEqualTo("Data");
  }

  private static void collect(Menu menu, Map<String, MenuItem> out) {
    for (MenuItem i : menu.getItems()) {
      if (i instanceof Menu sub) {
        collect(sub, out);
      } else if (i.getText() != null) {
        out.put(i.getText(), i);
      }
    }
  }

  private static String keyText(String key) {
    return KeyCombination.keyCombination(key).getDisplayText();
  }

  private static MenuItem item(ContextMenu menu, String id) {
    return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  /** Asks for a card's context menu as the OS would (Monocle raises none on a right click). */
  private ContextMenu contextMenuOf(FxRobot robot, String nodeId) {
    Node card =
        robot
            .lookup(
                (Node n) ->
                    ("node-" + nodeId).equals(dev.sluice.app.graph.GraphIds.of(n)) && n.isVisible())
            .query();
    Bounds b = card.localToScreen(card.getBoundsInLocal());
    robot.interact(
        () ->
            Event.fireEvent(
                card,
                new ContextMenuEvent(
                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20,
                    10,
                    b.getMinX() + 20,
                    b.getMinY() + 10,
                    false,
                    null)));
    WaitForAsyncUtils.waitForFxEvents();
    return javafx.stage.Window.getWindows().stream()
        .filter(win -> win instanceof ContextMenu && win.isShowing())
        .map(ContextMenu.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no context menu"));
  }

  /** Presses on the graph the first of the command's graph keys, built from the table's text. */
  private static void press(FxRobot robot, Workbench w, Command c) {
    KeyCodeCombination k = (KeyCodeCombination) c.graphKeys().get(0);
    boolean shortcut = k.getShortcut() == KeyCombination.ModifierValue.DOWN;
    robot.interact(
        () ->
            Event.fireEvent(
                w.graph(),
                new KeyEvent(
                    KeyEvent.KEY_PRESSED,
                    "",
                    "",
                    k.getCode(),
                    k.getShift() == KeyCombination.ModifierValue.DOWN,
                    k.getControl() == KeyCombination.ModifierValue.DOWN || shortcut,
                    k.getAlt() == KeyCombination.ModifierValue.DOWN,
                    k.getMeta() == KeyCombination.ModifierValue.DOWN)));
    WaitForAsyncUtils.waitForFxEvents();
  }
}

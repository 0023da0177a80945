package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.RunRequest;
import dev.sluice.app.warehouse.WarehouseBrowser;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The warehouse browser beside the explorer: what the DuckDB file holds, and what to do with it.
 */
class WarehouseBrowserUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void showsTheBuiltTablesWithCountsAndOpensCopiesAndDragsThem(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot
        .press(KeyCode.SHORTCUT, KeyCode.SHIFT)
        .type(KeyCode.W)
        .release(KeyCode.SHIFT, KeyCode.SHORTCUT); // View > Warehouse Browser
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !w.warehouse.loadingProperty().get());
    Label empty = robot.lookup("#warehouse-empty").queryAs(Label.class);
    assertThat(empty.isVisible()).isTrue();
    assertThat(empty.getText()).contains("Not built yet").contains("Ctrl+B");

    build(robot, w);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            w.warehouse.treeProperty().get() != null
                && !w.warehouse.treeProperty().get().relations().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(empty.isVisible()).isFalse();
    TreeView<WarehouseBrowser.Entry> tree = w.warehouseBrowser().tree();
    TreeItem<WarehouseBrowser.Entry> orders = find(tree.getRoot(), "orders");
    assertThat(orders).as("the orders model is a table in the tree").isNotNull();
    long rows = orders.getValue().relation().rows().orElseThrow();
    assertThat(rows).isPositive();
    assertThat(orders.getValue().detail()).endsWith("rows");
    assertThat(orders.getParent().getValue().label())
        .isEqualTo(orders.getValue().relation().schema());
    robot.interact(() -> orders.setExpanded(true));
    assertThat(orders.getChildren()).extracting(c -> c.getValue().label()).contains("order_id");
    assertThat(orders.getChildren().get(0).getValue().detail()).isNotBlank(); // its type

    // Enter shows its rows in the Data panel
    robot.interact(
        () -> {
          tree.getSelectionModel().select(orders);
          tree.requestFocus();
        });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> w.sql().previewView().model().rows().size() == Math.min(rows, 1000));
    assertThat(w.sql().previewView().model().sqlProperty().get())
        .contains(orders.getValue().relation().qualifiedName());

    // Ctrl+C copies the qualified name
    robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
    String[] clip = new String[1];
    robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertThat(clip[0]).isEqualTo(orders.getValue().relation().qualifiedName());
    shoot(robot, "warehouse-browser.png");
  }

  @Test
  void aFileThatIsNotADatabaseSaysSoInsteadOfATree(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    Path db = Path.of(w.duckdbPath());
    java.nio.file.Files.createDirectories(db.getParent());
    java.nio.file.Files.writeString(db, "not a database at all");
    robot.interact(() -> w.showSide(1));
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> w.warehouse.treeProperty().get() != null && !w.warehouse.loadingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    Label empty = robot.lookup("#warehouse-empty").queryAs(Label.class);
    assertThat(empty.isVisible()).isTrue();
    assertThat(empty.getText()).contains(db.getFileName().toString());
    assertThat(empty.getText()).doesNotContain("Exception");
  }

  private static TreeItem<WarehouseBrowser.Entry> find(
      TreeItem<WarehouseBrowser.Entry> item, String name) {
    if (item.getValue() != null
        && item.getValue().relation() != null
        && item.getValue().column() == null
        && item.getValue().label().equals(name)) {
      return item;
    }
    for (TreeItem<WarehouseBrowser.Entry> c : item.getChildren()) {
      TreeItem<WarehouseBrowser.Entry> f = find(c, name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static void build(FxRobot robot, Workbench w) throws Exception {
    robot.interact(() -> w.run(RunRequest.everything()));
    WaitForAsyncUtils.waitFor(
        90,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }
}

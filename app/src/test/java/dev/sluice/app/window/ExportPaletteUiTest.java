package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Export;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dropping an Export from the palette asks for the model and format, declares it, and undo takes it
 * back.
 */
class ExportPaletteUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void droppingAnExportAsksForItsModelWritesTheFileAndUndoRemovesIt(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> w.graph().fit());
    javafx.scene.Node graph = robot.lookup("#pipeline-view").query();
    var b = graph.localToScreen(graph.getBoundsInLocal());
    robot
        .drag("#palette-export")
        .moveTo(new Point2D(b.getMinX() + 80, b.getMaxY() - 60))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    ChoiceBox<String> model = robot.lookup("#export-model").queryAs(ChoiceBox.class);
    @SuppressWarnings("unchecked")
    ChoiceBox<Export.Format> format = robot.lookup("#export-format").queryAs(ChoiceBox.class);
    assertThat(model.getItems()).contains("orders", "daily_revenue", "raw_orders");
    robot.interact(() -> model.setValue("orders"));
    TextField name = robot.lookup("#export-name").queryAs(TextField.class);
    assertThat(name.getText()).isEqualTo("orders_export"); // the default follows the model
    robot.interact(() -> format.setValue(Export.Format.CSV));
    robot.clickOn("#export-add"); // by id: the palette's heading also says "Add"

    // the shop keeps its exports in exports/exports.yml, so the new one joins that file
    Path yml = shop.resolve("exports/exports.yml");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> w.project().node("export.orders_export") != null);
    assertThat(Files.readString(yml))
        .contains(
            "- name: orders_export",
            "model: orders",
            "path: target/exports/orders_export.csv",
            "format: csv");
    assertThat(w.project().manifestProperty().get().dag().parents("export.orders_export"))
        .containsExactly("model.orders");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card(robot).isPresent());
    assertThat(robot.from(card(robot).get()).lookup(".node-detail").queryLabeled().getText())
        .startsWith("export · csv"); // then " · stale": never built
    assertThat(w.project().selectedProperty().get()).isEqualTo("export.orders_export");

    robot.clickOn("#pipeline-view").press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> w.project().node("export.orders_export") == null);
    assertThat(Files.readString(yml)).doesNotContain("orders_export");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> card(robot).isEmpty());
  }

  private static java.util.Optional<javafx.scene.Node> card(FxRobot robot) {
    return robot
        .lookup(
            (javafx.scene.Node n) ->
                "node-export.orders_export".equals(dev.sluice.app.graph.GraphIds.of(n))
                    && n.isVisible())
        .tryQuery();
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector's property sheet in the window: a change writes the schema file, Ctrl+Z puts it
 * back.
 */
class PropertySheetUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void changingMaterializationInTheSheetWritesTheSchemaFileAndCtrlZRestoresIt(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Path schema = shop.resolve("models/staging/schema.yml");
    String original = Files.readString(schema);
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.project().selectedProperty().set("model.stg_orders"));
    WaitForAsyncUtils.waitForFxEvents();

    ComboBox<?> choice = robot.lookup("#inspector-materialization").queryAs(ComboBox.class);
    assertThat(choice.getValue()).isEqualTo("view");
    robot.clickOn(choice);
    robot.clickOn("table");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> Files.readString(schema).contains("materialized: table"));
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            w.project().node("model.stg_orders") != null
                && "table"
                    .equals(w.project().node("model.stg_orders").config().materialized("view")));
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Node card =
        robot
            .lookup(
                (javafx.scene.Node n) ->
                    "node-model.stg_orders".equals(dev.sluice.app.graph.GraphIds.of(n)))
            .query();
    assertThat(robot.from(card).lookup(".node-detail").queryLabeled().getText()).contains("table");
    shoot(robot, "inspector-property-sheet.png");

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> Files.readString(schema).equals(original));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "view".equals(choice.getValue()));
    assertThat(Files.readString(schema)).isEqualTo(original);
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.editor.EditorTab;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The results grid's comforts: columns as wide as their values, and the whole of a long value. */
class ResultGridUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void columnsFitTheirValuesAndAValueOpensWholeWithJsonIndented(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.sql().newQuery());
    EditorTab tab = w.sql().selectedEditor();
    robot.interact(
        () ->
            tab.editor()
                .load(
                    "select 1 as a, repeat('long text ', 60) as long_text,\n"
                        + " '{\"k\": [1, 2], \"n\": {\"m\": true}}'::json as j,\n"
                        + " 'medium value' as some_rather_long_column_name"));
    robot.interact(tab::run);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tab.results().rows().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TableView<Object[]> grid =
        robot.from(tab.getContent()).lookup("#results-table").queryAs(TableView.class);
    java.util.List<TableColumn<Object[], ?>> cols = grid.getColumns();
    double a = cols.get(0).getWidth();
    double longText = cols.get(1).getWidth();
    double named = cols.get(3).getWidth();
    assertThat(a).as("a one-digit column stays narrow").isLessThan(110);
    assertThat(longText).as("long text is capped").isLessThanOrEqualTo(420).isGreaterThan(named);
    assertThat(named).as("a long header is not cut").isGreaterThan(a * 2);

    // Shift+Enter on the JSON cell shows it whole, indented
    robot.interact(
        () -> {
          grid.requestFocus();
          grid.getSelectionModel().clearAndSelect(0, cols.get(2));
          grid.getFocusModel().focus(0, cols.get(2));
        });
    robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#value-viewer-text").tryQuery().isPresent());
    TextArea text = robot.lookup("#value-viewer-text").queryAs(TextArea.class);
    assertThat(text.getText()).contains("\n").contains("\"m\" : true");
    shoot(robot, "result-grid.png");
    shootWindow(robot, text.getScene().getWindow(), "value-viewer.png");
    robot.interact(() -> ((Stage) text.getScene().getWindow()).close());
  }

  private static void shootWindow(FxRobot robot, javafx.stage.Window window, String name)
      throws Exception {
    javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> img[0] = window.getScene().snapshot(null));
    Path out = Samples.locate("shop").getParent().getParent().resolve("docs/screenshots");
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null),
        "png",
        out.resolve(name).toFile());
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dropping a Source table from the palette asks for its names and declares it in sources/. */
class SourceTablePaletteUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void droppingASourceTableAsksForItsNamesAndWritesTheSourcesFile(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Files.writeString(shop.resolve("visits.csv"), "id,page\n1,home\n");
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> w.graph().fit());
    javafx.scene.Node graph = robot.lookup("#pipeline-view").query();
    var b = graph.localToScreen(graph.getBoundsInLocal());
    robot
        .drag("#palette-source-table")
        .moveTo(new Point2D(b.getMinX() + 80, b.getMaxY() - 60))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#source-name").write("web");
    robot.clickOn("#source-table").write("visits");
    robot.clickOn("#source-path").write("visits.csv");
    robot.clickOn("#source-add"); // by id: the palette's heading also says "Add"
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> w.project().node("source.web.visits") != null);
    assertThat(Files.readString(shop.resolve("sources/web.yml")))
        .contains("connector: files", "path: visits.csv");
    assertThat(w.project().selectedProperty().get()).isEqualTo("source.web.visits");
  }
}

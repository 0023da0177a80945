package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project made from the app: File > New Project writes what {@code sluice init} writes, and an
 * empty folder opened as a project says what to do and gets its first model from the palette.
 */
class NewProjectUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    stage.setWidth(1280);
    stage.setHeight(800);
    startWindow(stage);
  }

  @TempDir Path dir;

  private static Label emptyState(FxRobot robot) {
    return robot.lookup("#graph-empty").queryAs(Label.class);
  }

  @Test
  void anEmptyFolderSaysWhatToDoAndItsFirstDraggedModelIsOnTheGraph(FxRobot robot)
      throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Workbench w = window.workbench();
    open(robot, empty);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(emptyState(robot).isVisible()).isTrue();
    assertThat(emptyState(robot).getText()).contains("New Project").contains("Model");
    shoot(robot, "empty-folder.png");

    Node graph = robot.lookup("#pipeline-view").query();
    var b = graph.localToScreen(graph.getBoundsInLocal());
    robot
        .drag("#palette-model")
        .moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + 120))
        .release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> Files.exists(empty.resolve("models/new_model.sql")));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> w.project().node("model.new_model") != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.graph().nodeCount()).isEqualTo(1);
    assertThat(
            robot
                .lookup(
                    (Node n) -> "node-model.new_model".equals(dev.sluice.app.graph.GraphIds.of(n)))
                .tryQuery())
        .isPresent();
    assertThat(emptyState(robot).isVisible()).isFalse();
    assertThat(w.project().problems()).noneMatch(p -> p.isError());
    shoot(robot, "empty-folder-first-model.png");
  }

  @Test
  void newProjectWritesWhatInitWritesAndOpensIt(FxRobot robot) throws Exception {
    Path fresh = dir.resolve("my-shop");
    Workbench w = window.workbench();
    robot.interact(() -> window.createProject(fresh));
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            fresh.toAbsolutePath().equals(w.project().rootProperty().get())
                && w.project().manifestProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Files.readString(fresh.resolve("sluice.yml"))).contains("name: my_shop");
    assertThat(fresh.resolve("models/countries_by_name.sql")).exists();
    var m = w.project().manifestProperty().get();
    assertThat(m.dag().nodeIds()).contains("seed.countries", "model.countries_by_name");
    assertThat(w.graph().nodeCount()).isEqualTo(m.dag().nodeIds().size());

    // a folder that holds a project already is left as it is
    String before = Files.readString(fresh.resolve("sluice.yml"));
    boolean[] made = new boolean[1];
    robot.interact(() -> made[0] = window.createProject(fresh, message -> {}));
    assertThat(made[0]).isFalse();
    assertThat(Files.readString(fresh.resolve("sluice.yml"))).isEqualTo(before);
  }
}

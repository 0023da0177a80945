package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.project.GraphLayout;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Building a pipeline by drawing: palette, ports, undo, reopen, and the folder builds. */
class DrawPipelineUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  private Node card(FxRobot robot, String id) {
    return robot
        .lookup((Node n) -> ("node-" + id).equals(dev.sluice.app.graph.GraphIds.of(n)))
        .query();
  }

  private String sql(Path shop) throws Exception {
    return Files.readString(shop.resolve("models/new_model.sql"));
  }

  private static java.util.Set<String> parents(Workbench w) {
    var m = w.project().manifestProperty().get();
    return m == null ? java.util.Set.of() : m.dag().parents("model.new_model");
  }

  @Test
  void dragAModelConnectTwoUpstreamsUndoAndReopen(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> w.graph().fit());

    Node graph = robot.lookup("#pipeline-view").query();
    var b = graph.localToScreen(graph.getBoundsInLocal());
    robot
        .drag("#palette-model")
        .moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMaxY() - 60))
        .release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> w.project().node("model.new_model") != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(sql(shop)).contains("select 1 as id");

    robot.interact(() -> w.graph().frame(java.util.List.of("model.stg_orders", "model.new_model")));
    WaitForAsyncUtils.waitForFxEvents();
    robot
        .drag(robot.from(card(robot, "model.stg_orders")).lookup(".node-port").queryAs(Node.class))
        .dropTo(card(robot, "model.new_model"));
    try {
      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> sql(shop).equals("select * from {{ ref('stg_orders') }}\n"));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "no edge drawn; status: "
              + robot
                  .lookup("#status-message")
                  .queryAs(javafx.scene.control.Label.class)
                  .getText());
    }
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parents(w).contains("model.stg_orders"));
    WaitForAsyncUtils.waitForFxEvents();

    robot.interact(
        () -> w.graph().frame(java.util.List.of("model.stg_customers", "model.new_model")));
    WaitForAsyncUtils.waitForFxEvents();
    robot
        .drag(
            robot.from(card(robot, "model.stg_customers")).lookup(".node-port").queryAs(Node.class))
        .dropTo(card(robot, "model.new_model"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sql(shop).contains("stg_customers as ("));
    assertThat(sql(shop)).startsWith("with stg_orders as (").endsWith("select * from stg_orders\n");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parents(w).size() == 2);

    robot.clickOn("#pipeline-view").press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> sql(shop).equals("select * from {{ ref('stg_orders') }}\n"));

    GraphLayout.Point placed = w.project().position("model.new_model");
    open(robot, shop, () -> w.project().node("model.new_model") != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.project().position("model.new_model")).isEqualTo(placed);
    assertThat(shop.resolve(".sluice/layout.json")).content().contains("\"model.new_model\"");

    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, null, null, 2, false, RunListener.NONE).exitCode()).isZero();
    }
  }
}

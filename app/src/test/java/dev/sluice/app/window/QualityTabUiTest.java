package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.graph.NodeView;
import dev.sluice.app.quality.ScoreBadge;
import dev.sluice.app.quality.Sparkline;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.Samples;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Quality tab and the score badges on the graph, on the warehouse sample after three days. */
class QualityTabUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
    stage.setWidth(1280);
    stage.setHeight(800);
  }

  @TempDir Path dir;

  @Test
  void theQualityTabShowsEachTablesScoreAndTrendAndCardsWearTheirScore(FxRobot robot)
      throws Exception {
    Path root = Samples.copy("warehouse", dir.resolve("warehouse"));
    for (int day = 1; day <= 3; day++) {
      try (Pipeline p =
          Pipeline.open(root, PipelineOptions.defaults().withVars(Map.of("day", day)))) {
        p.run(Command.BUILD, null, null, 2, false, RunListener.NONE);
      }
    }
    Workbench w = window.workbench();
    open(robot, root, () -> w.quality().tables().size() == 11);
    robot.interact(
        () -> {
          TabPane bottom = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
          bottom.getTabs().stream()
              .filter(t -> t.getText().equals("Quality"))
              .findFirst()
              .ifPresent(t -> bottom.getSelectionModel().select(t));
          w.graph()
              .frame(
                  java.util.List.of(
                      "model.fct_sales",
                      "model.dim_customer",
                      "model.dim_product",
                      "model.dim_store",
                      "model.slv_sales"));
          w.graph().frame(java.util.List.of("model.fct_sales", "model.dim_customer"));
        });
    WaitForAsyncUtils.waitForFxEvents();
    TableView<?> table = robot.lookup("#quality-table").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(11);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> !robot.lookup(".quality-sparkline").queryAll().isEmpty());
    Sparkline spark = (Sparkline) robot.lookup(".quality-sparkline").queryAll().iterator().next();
    assertThat(spark.size()).as("one point per day").isEqualTo(3);
    assertThat(robot.lookup("#quality-summary").queryLabeled().getText())
        .startsWith("Overall ")
        .contains("11 tables")
        .contains("3 not passing");
    assertThat(robot.lookup("#quality-failing").queryListView().getItems()).hasSize(3);

    NodeView card =
        robot.lookup(".node-card").queryAllAs(NodeView.class).stream()
            .filter(v -> v.nodeId().equals("model.fct_sales"))
            .findFirst()
            .orElseThrow();
    ScoreBadge badge = (ScoreBadge) card.lookup(".score-badge");
    assertThat(badge.isVisible()).isTrue();
    assertThat(badge.getText())
        .isEqualTo("Q " + Math.round(w.quality().byNode().get("model.fct_sales").overall()));
    BufferedImage shot = shoot(robot, "quality.png");
    assertThat(shot.getWidth()).isGreaterThan(800);
  }
}

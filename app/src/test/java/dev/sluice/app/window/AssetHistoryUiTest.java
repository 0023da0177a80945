package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.RunRequest;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A node's own builds across runs, and a run's nodes on a time line, as Dagster shows them. */
class AssetHistoryUiTest extends WindowTestBase {
  private static final String STG_ORDERS = "model.stg_orders";

  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void aNodesBuildsShowWithOutcomeDurationAndRowsAndARunOnATimeLine(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    build(robot, w);
    Path stg = shop.resolve("models/staging/stg_orders.sql");
    String good = Files.readString(stg);
    Files.writeString(stg, good.replace("lower(status)", "lower(state)"));
    robot.interact(() -> w.project().reload());
    build(robot, w);
    Files.writeString(stg, good);
    robot.interact(() -> w.project().reload());
    build(robot, w);

    robot.interact(() -> w.project().selectedProperty().set(STG_ORDERS));
    robot.interact(() -> w.graph().requestFocus());
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.H)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    @SuppressWarnings("unchecked")
    TableView<NodeResult> table = robot.lookup("#asset-history-table").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
    assertThat(table.getItems()).allMatch(r -> r.nodeId().equals(STG_ORDERS));
    assertThat(table.getItems())
        .extracting(NodeResult::status)
        .containsExactly(NodeStatus.SUCCESS, NodeStatus.ERROR, NodeStatus.SUCCESS);
    // a view counts no rows: the table says so rather than -1
    assertThat(table.getColumns().get(3).getCellData(0)).isEqualTo("—");
    Label title = robot.lookup("#asset-history-title").queryAs(Label.class);
    assertThat(title.getText()).isEqualTo("stg_orders: last 3 builds, 1 failed");
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "node-history.png");

    // another node, a table: its own builds with their row counts
    robot.interact(() -> w.project().selectedProperty().set("model.orders"));
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.nodeId().equals("model.orders")));
    long orders = Files.readAllLines(shop.resolve("seeds/raw_orders.csv")).size() - 1L;
    assertThat(table.getItems()).extracting(NodeResult::rows).contains(orders);

    // History: the chosen run's nodes on a time line
    robot.clickOn("History");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.history.runs().size() == 3);
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TableView<RunHistory.Run> runs = robot.lookup("#history-runs").queryAs(TableView.class);
    RunHistory.Run first = runs.getItems().get(0);
    TableRow<?> row =
        robot
            .lookup("#history-runs .table-row-cell")
            .match((TableRow<?> r) -> first.equals(r.getItem()))
            .query();
    robot.clickOn(row);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !w.history.nodes().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Node timeline = robot.lookup("#run-timeline").query();
    assertThat(timeline.isVisible()).isTrue();
    javafx.scene.canvas.Canvas canvas =
        robot
                    .lookup("#run-timeline .scroll-pane")
                    .queryAs(javafx.scene.control.ScrollPane.class)
                    .getContent()
                instanceof javafx.scene.canvas.Canvas c
            ? c
            : null;
    assertThat(canvas).isNotNull();
    // one row per node of the run
    assertThat(canvas.getHeight()).isGreaterThanOrEqualTo(w.history.nodes().size() * 18.0);
    shoot(robot, "run-timeline.png");
  }

  private static void build(FxRobot robot, Workbench w) throws Exception {
    int before = w.history.runs().size();
    robot.interact(() -> w.run(RunRequest.everything()));
    WaitForAsyncUtils.waitFor(
        90,
        TimeUnit.SECONDS,
        () ->
            w.runs().lastSummaryProperty().get() != null
                && !w.runs().runningProperty().get()
                && w.history.runs().size() > before);
    WaitForAsyncUtils.waitForFxEvents();
  }
}

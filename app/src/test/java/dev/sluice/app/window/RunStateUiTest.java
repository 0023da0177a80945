package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the graph's run badges show: the live run, a past run only as a view, one project's own. */
class RunStateUiTest extends WindowTestBase {
  private static final String STG_ORDERS = "model.stg_orders";

  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void aPastRunIsAViewThatTheNextRunAndEscapeLeave(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    build(robot, w);
    assertThat(w.runs().state(STG_ORDERS)).isEqualTo(NodeRunState.SUCCEEDED);

    robot.clickOn("History");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.history.runs().size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    clickRun(robot, 0);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.runs().viewingProperty().get() != null);

    Path stg = shop.resolve("models/staging/stg_orders.sql");
    Files.writeString(stg, Files.readString(stg).replace("lower(status)", "lower(state)"));
    robot.interact(() -> w.project().reload());
    build(robot, w);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.history.runs().size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.runs().viewingProperty().get()).isNull();
    assertThat(w.runs().state(STG_ORDERS)).isEqualTo(NodeRunState.FAILED);
    assertThat(historyTable(robot).getSelectionModel().getSelectedItem()).isNull();

    RunHistory.Run good = w.history.runs().get(1);
    robot.clickOn("History"); // a run brings the Run tab to the front
    clickRun(robot, 1);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> good.runId().equals(w.runs().viewingProperty().get()));
    assertThat(w.runs().state(STG_ORDERS)).isEqualTo(NodeRunState.SUCCEEDED);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.runs().viewingProperty().get()).isNull();
    assertThat(w.runs().state(STG_ORDERS)).isEqualTo(NodeRunState.FAILED);
  }

  @Test
  void openingAnotherProjectStartsFromItsOwnState(FxRobot robot) throws Exception {
    Path first = Samples.copy("shop", dir.resolve("first"));
    Path stg = first.resolve("models/staging/stg_orders.sql");
    Files.writeString(stg, Files.readString(stg).replace("lower(status)", "lower(state)"));
    Workbench w = window.workbench();
    open(robot, first);
    build(robot, w);
    assertThat(w.runs().state(STG_ORDERS)).isEqualTo(NodeRunState.FAILED);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.history.runs().size() == 1);

    Path second = Samples.copy("shop", dir.resolve("second"));
    open(
        robot,
        second,
        () ->
            second.equals(w.project().rootProperty().get())
                && w.project().manifestProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.runs().state(STG_ORDERS)).isEqualTo(NodeRunState.IDLE);
    assertThat(w.runs().results()).isEmpty();
    assertThat(w.runs().finished()).isEmpty();
    assertThat(w.runs().statusProperty().get()).isEqualTo("No run yet");
    assertThat(w.history.runs()).isEmpty();
  }

  private static void build(FxRobot robot, Workbench w) throws Exception {
    robot.interact(() -> w.run(RunRequest.everything()));
    WaitForAsyncUtils.waitFor(
        90,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private static TableView<RunHistory.Run> historyTable(FxRobot robot) {
    return robot.lookup("#history-runs").queryAs(TableView.class);
  }

  private static void clickRun(FxRobot robot, int index) {
    TableView<RunHistory.Run> table = historyTable(robot);
    RunHistory.Run run = table.getItems().get(index);
    robot.interact(() -> table.scrollTo(index)); // the loads below leave room for a few rows
    WaitForAsyncUtils.waitForFxEvents();
    TableRow<?> row =
        robot
            .lookup("#history-runs .table-row-cell")
            .match((TableRow<?> r) -> run.equals(r.getItem()))
            .query();
    robot.clickOn(row);
    WaitForAsyncUtils.waitForFxEvents();
  }
}

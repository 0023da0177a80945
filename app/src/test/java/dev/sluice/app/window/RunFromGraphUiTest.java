package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs from the graph: a run in progress is cancelled; a failed test shows its rows; edits make
 * nodes stale.
 */
class RunFromGraphUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void cancelARunFromThePanelSeeAFailedTestsRowsAndStaleNodes(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Files.writeString(
        shop.resolve("models/marts/slow_report.sql"),
        "{{ config(materialized='table') }}\nselect count(*) as n from range(200000000000) a, {{ ref('customers') }} c where a.range < 0");
    Files.writeString(
        shop.resolve("tests/no_customer_from_norway.sql"),
        "select customer_id, customer_name, country from {{ ref('customers') }} where country = 'NO'");
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> w.project().stale().contains("model.customers"));

    robot.clickOn("#build-all");
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> w.runs().state("model.slow_report") == NodeRunState.RUNNING);
    robot.interact(() -> w.graph().fit());
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "run-in-progress.png");
    robot.clickOn("#run-cancel");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !w.runs().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.runs().state("model.slow_report")).isEqualTo(NodeRunState.CANCELLED);
    assertThat(w.runs().statusProperty().get()).startsWith("Run cancelled");
    assertThat(w.runs().state("model.customers")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(w.runs().state("test.no_customer_from_norway")).isEqualTo(NodeRunState.TEST_FAILED);

    robot.interact(() -> w.project().selectedProperty().set("test.no_customer_from_norway"));
    WaitForAsyncUtils.waitForFxEvents();
    String details = robot.lookup("#run-details").queryAs(TextArea.class).getText();
    assertThat(details).contains("Failing rows").contains("country=NO");
    shoot(robot, "failed-test-rows.png");

    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> !w.project().stale().contains("model.customers"));
    Path stg = shop.resolve("models/staging/stg_customers.sql");
    Files.writeString(stg, Files.readString(stg).replace("upper(country)", "lower(country)"));
    // the stale set is replaced on the FX thread as marks are recomputed: read it there, once
    // settled
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            w.project().stale().contains("model.stg_customers")
                && w.project().stale().contains("model.customers"));
    WaitForAsyncUtils.waitForFxEvents();
    java.util.Set<String> stale = new java.util.HashSet<>();
    robot.interact(() -> stale.addAll(w.project().stale()));
    assertThat(stale)
        .contains("model.customers", "model.stg_customers")
        .doesNotContain("model.stg_orders");

    robot.interact(() -> w.run(new RunRequest("Run", Command.BUILD, "stg_customers+")));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !w.runs().runningProperty().get());
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> !w.project().stale().contains("model.stg_customers"));
  }

  @Test
  void runInspectFixAndRerunWithoutATerminal(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop2"));
    Path model = shop.resolve("models/marts/product_sales.sql");
    Files.writeString(model, Files.readString(model).replace("p.category,", "p.categroy,"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(
        () -> w.run(new RunRequest("Run with upstream", Command.BUILD, "+product_sales")));
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    assertThat(w.runs().state("model.product_sales")).isEqualTo(NodeRunState.FAILED);

    robot.interact(() -> w.project().selectedProperty().set("model.product_sales"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#run-details").queryAs(TextArea.class).getText())
        .contains("models/marts/product_sales.sql:4")
        .contains("categroy");
    TextArea sql = robot.lookup("#inspector-sql").queryAs(TextArea.class);
    robot.interact(() -> sql.setText(sql.getText().replace("p.categroy,", "p.category,")));
    robot.clickOn("#inspector-save");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> Files.readString(model).contains("p.category,"));

    robot.interact(() -> w.run(new RunRequest("Run", Command.BUILD, "product_sales")));
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            !w.runs().runningProperty().get()
                && w.runs().state("model.product_sales") == NodeRunState.SUCCEEDED);
    assertThat(w.runs().results().get("model.product_sales").rows()).isEqualTo(12);
  }
}

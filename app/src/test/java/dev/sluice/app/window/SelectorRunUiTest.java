package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.NodeRunState;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Runs picked by a typed selector, and a retry from the node that failed once it is fixed. */
class SelectorRunUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void aTypedSelectorRunsWhatItPicksAndRetryGoesOnFromTheFailedNode(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Path model = shop.resolve("models/marts/product_sales.sql");
    String good = Files.readString(model);
    Files.writeString(model, good.replace("p.category,", "p.categroy,"));
    Workbench w = window.workbench();
    open(robot, shop);

    TextField select = robot.lookup("#run-select").queryAs(TextField.class);
    robot.interact(
        () -> {
          select.setText("+product_sales");
          select.getOnAction().handle(new javafx.event.ActionEvent());
        });
    WaitForAsyncUtils.waitFor(
        90,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    assertThat(w.runs().state("model.product_sales")).isEqualTo(NodeRunState.FAILED);
    assertThat(w.runs().state("model.stg_products")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(w.runs().results()).doesNotContainKey("model.customers");
    assertThat(robot.lookup("#run-select").queryAs(TextField.class).getText())
        .isEqualTo("+product_sales");

    Files.writeString(model, good);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            w.project().manifestProperty().get() != null
                && w.project().manifestProperty().get().project().nodes().stream()
                    .anyMatch(n -> n.uniqueId().equals("model.product_sales")));
    robot.interact(() -> w.project().reload());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> robot.lookup("#retry-failed").queryAs(javafx.scene.control.Button.class).fire());
    WaitForAsyncUtils.waitFor(
        90,
        TimeUnit.SECONDS,
        () ->
            !w.runs().runningProperty().get()
                && w.runs().state("model.product_sales") == NodeRunState.SUCCEEDED);
    assertThat(w.runs().results())
        .as("the retry ran the failed node and what follows it, not its upstream")
        .doesNotContainKey("model.stg_products");
    shoot(robot, "run-selector-retry.png");
  }
}

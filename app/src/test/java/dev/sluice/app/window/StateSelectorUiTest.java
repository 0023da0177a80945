package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunRequest;
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

/** state:modified+ in the run selector box builds what changed since the last good build. */
class StateSelectorUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void stateModifiedBuildsWhatChangedSinceTheLastGoodBuildAndSaysWhenThereIsNone(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);

    select(robot, "state:modified+");
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> w.runs().statusProperty().get().startsWith("Could not run"));
    assertThat(w.runs().statusProperty().get()).contains("compares with the last successful build");

    robot.interact(() -> w.run(RunRequest.everything()));
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    var first = w.runs().lastSummaryProperty().get();

    Path products = shop.resolve("models/staging/stg_products.sql");
    Files.writeString(products, Files.readString(products) + "\n-- reviewed\n");
    robot.interact(() -> w.project().reload());
    WaitForAsyncUtils.waitForFxEvents();
    select(robot, "state:modified+");
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != first && !w.runs().runningProperty().get());
    assertThat(w.runs().state("model.stg_products")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(w.runs().state("model.product_sales")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(w.runs().results())
        .as("only what changed and what depends on it ran")
        .containsKeys("model.stg_products", "model.product_sales")
        .doesNotContainKeys("model.stg_customers", "model.customers");
    shoot(robot, "run-state-modified.png");
  }

  private static void select(FxRobot robot, String text) {
    TextField select = robot.lookup("#run-select").queryAs(TextField.class);
    robot.interact(
        () -> {
          select.setText(text);
          select.getOnAction().handle(new javafx.event.ActionEvent());
        });
  }
}

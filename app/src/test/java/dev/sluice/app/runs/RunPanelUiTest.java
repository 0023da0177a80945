package dev.sluice.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RunPanelUiTest {
  @TempDir Path dir;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private RunService service;

  @Start
  void start(Stage stage) {
    RunViewModel model = new RunViewModel();
    service = new RunService(background, Platform::runLater, model, PipelineOptions.defaults());
    stage.setScene(new Scene(new RunPanel(model, service::cancel), 1000, 500));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void buildingTheSampleFillsThePanelAndAFailedTestShowsItsRows(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir);
    java.nio.file.Files.writeString(
        shop.resolve("tests/no_customer_from_norway.sql"),
        "select customer_id, country from {{ ref('customers') }} where country = 'NO'");
    robot.interact(() -> service.start(shop, Command.BUILD, null, s -> {}, e -> {}));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !service.model().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();

    TableView<NodeResult> table = robot.lookup("#run-nodes").queryAs(TableView.class);
    // the sample's 31 nodes and its export, with the failing test added above
    assertThat(table.getItems()).hasSize(33);
    assertThat(robot.lookup("#run-status").queryAs(Label.class).getText())
        .startsWith("Run failed: 1 of 33 nodes failed");
    // the failed test is the first row, not somewhere among 32 successes
    NodeResult failed = table.getItems().get(0);
    assertThat(failed.status()).isEqualTo(NodeStatus.FAIL);
    assertThat(table.getItems().subList(1, 33))
        .allSatisfy(r -> assertThat(r.status()).isNotEqualTo(NodeStatus.FAIL));
    robot.interact(() -> table.getSelectionModel().select(failed));
    String details = robot.lookup("#run-details").queryAs(TextArea.class).getText();
    assertThat(details)
        .contains("no_customer_from_norway")
        .contains("Failing rows")
        .contains("country=NO");
  }
}

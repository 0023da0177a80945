package dev.sluice.app.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
class AutomationUiTest {
  @TempDir Path dir;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final SimpleObjectProperty<Manifest> manifest = new SimpleObjectProperty<>();
  private AutomationView view;

  @Start
  void start(Stage stage) {
    AutomationViewModel vm =
        new AutomationViewModel(background, Platform::runLater, Clock.systemDefaultZone());
    view = new AutomationView(vm, manifest);
    stage.setScene(new Scene(view, 1100, 360));
    stage.show();
  }

  @AfterEach
  void stop() {
    Platform.runLater(view::stop);
    background.shutdownNow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theShopsScheduleAndSensorAreListedAndABackfillRunsFromTheTab(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir);
    Manifest m = Pipeline.parse(shop, PipelineOptions.defaults());
    robot.interact(() -> manifest.set(m));
    TableView<AutomationRow> table = robot.lookup("#automation-table").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
    assertThat(table.getItems())
        .extracting(AutomationRow::name, AutomationRow::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nightly", "schedule"),
            org.assertj.core.groups.Tuple.tuple("new_orders", "files"));
    robot.interact(
        () -> {
          robot
              .lookup("#backfill-from")
              .queryAs(DatePicker.class)
              .setValue(LocalDate.of(2026, 11, 1));
          robot
              .lookup("#backfill-to")
              .queryAs(DatePicker.class)
              .setValue(LocalDate.of(2026, 11, 2));
        });
    robot.clickOn("#backfill-run");
    Label status = robot.lookup("#automation-status").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        90, TimeUnit.SECONDS, () -> status.getText().startsWith("Backfilled"));
    assertThat(status.getText()).isEqualTo("Backfilled nightly: 2 of 2 day(s), 0 failed");
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> table.getItems().size() == 2 && table.getItems().get(0).enabled());
  }
}

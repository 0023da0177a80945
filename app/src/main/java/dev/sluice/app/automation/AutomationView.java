package dev.sluice.app.automation;

import dev.sluice.core.parse.Manifest;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Draws the Automation tab: the table of schedules and sensors with an on/off switch each, and the
 * backfill bar. It reloads every ten seconds, so runs that {@code sluice serve} starts show up.
 */
public final class AutomationView extends BorderPane {
  private final Timeline poll;

  public AutomationView(AutomationViewModel model, ObjectProperty<Manifest> manifest) {
    TableView<AutomationRow> table = new TableView<>(model.rows());
    table.setId("automation-table");
    table.setPlaceholder(
        new Label(
            "No schedules or sensors. Add them to sluice.yml or schedules/*.yml"
                + " (see docs/orchestration.md)."));
    TableColumn<AutomationRow, Boolean> on = new TableColumn<>("On");
    on.setCellValueFactory(
        c -> {
          SimpleBooleanProperty p = new SimpleBooleanProperty(c.getValue().enabled());
          String name = c.getValue().name();
          p.addListener((o, was, now) -> model.setEnabled(name, now));
          return p;
        });
    on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
    on.setEditable(true);
    on.setPrefWidth(44);
    table.setEditable(true);
    table.getColumns().add(on);
    table.getColumns().add(col("Name", 130, AutomationRow::name));
    table.getColumns().add(col("Kind", 80, AutomationRow::kind));
    table.getColumns().add(col("When", 220, AutomationRow::when));
    table.getColumns().add(col("Selection", 140, AutomationRow::select));
    table.getColumns().add(col("Next tick", 140, AutomationRow::next));
    table.getColumns().add(col("Last result", 200, AutomationRow::last));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    ComboBox<String> schedule = new ComboBox<>();
    schedule.setId("backfill-schedule");
    schedule.setPromptText("schedule");
    model
        .rows()
        .addListener(
            (javafx.collections.ListChangeListener<AutomationRow>)
                c -> {
                  String chosen = schedule.getValue();
                  schedule
                      .getItems()
                      .setAll(
                          model.rows().stream()
                              .filter(r -> r.kind().equals("schedule"))
                              .map(AutomationRow::name)
                              .toList());
                  if (chosen != null && schedule.getItems().contains(chosen)) {
                    schedule.setValue(chosen);
                  } else if (!schedule.getItems().isEmpty()) {
                    schedule.setValue(schedule.getItems().get(0));
                  }
                });
    DatePicker from = new DatePicker(LocalDate.now().minusDays(3));
    from.setId("backfill-from");
    DatePicker to = new DatePicker(LocalDate.now().minusDays(1));
    to.setId("backfill-to");
    from.setPrefWidth(135);
    to.setPrefWidth(135);
    Button run = new Button("Backfill");
    run.setId("backfill-run");
    run.disableProperty().bind(model.backfillingProperty().or(schedule.valueProperty().isNull()));
    run.setOnAction(e -> model.backfill(schedule.getValue(), from.getValue(), to.getValue()));
    Button stop = new Button("Stop");
    stop.disableProperty().bind(model.backfillingProperty().not());
    stop.setOnAction(e -> model.stopBackfill());
    Label status = new Label();
    status.setId("automation-status");
    status.textProperty().bind(model.statusProperty());
    HBox bar =
        new HBox(
            8,
            new Label("Backfill"),
            schedule,
            new Label("from"),
            from,
            new Label("to"),
            to,
            new Label("(one run per day, run_date set)"),
            run,
            stop,
            status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 6, 4, 6));
    HBox.setHgrow(status, Priority.ALWAYS);
    Label problems = new Label();
    problems.setId("automation-problems");
    problems.setStyle("-fx-text-fill: -color-danger-fg;");
    problems.textProperty().bind(model.problemsProperty());
    problems.managedProperty().bind(problems.textProperty().isNotEmpty());
    setCenter(table);
    setBottom(new VBox(problems, bar));

    model
        .alertProperty()
        .addListener(
            (o, was, text) -> {
              if (text != null && !text.isBlank() && getScene() != null) {
                Notifications.create()
                    .owner(getScene().getWindow())
                    .title("Sluice: an automated run failed")
                    .text(text)
                    .hideAfter(Duration.seconds(8))
                    .showError();
              }
            });
    manifest.addListener((o, was, m) -> model.refresh(m));
    model.refresh(manifest.get());
    poll = new Timeline(new KeyFrame(Duration.seconds(10), e -> model.refresh(manifest.get())));
    poll.setCycleCount(Timeline.INDEFINITE);
    poll.play();
  }

  /** Stops reloading (the window is closing). */
  public void stop() {
    poll.stop();
  }

  private static TableColumn<AutomationRow, String> col(
      String title, double width, Function<AutomationRow, String> value) {
    TableColumn<AutomationRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}

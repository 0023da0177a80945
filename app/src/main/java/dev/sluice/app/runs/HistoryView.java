package dev.sluice.app.runs;

import dev.sluice.core.run.RunHistory;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** The History tab: past runs, newest first; choosing one shows its outcome on the graph. */
public final class HistoryView extends BorderPane {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  public HistoryView(HistoryViewModel model, Consumer<RunHistory.Run> onOpen) {
    TableView<RunHistory.Run> table = new TableView<>(model.runs());
    table.setId("history-runs");
    table.setPlaceholder(
        new Label("No runs yet. Runs from the app and from `sluice` in a terminal appear here."));
    table
        .getColumns()
        .add(col("Started", 150, r -> r.startedAt() == null ? "" : WHEN.format(r.startedAt())));
    table.getColumns().add(col("Command", 80, RunHistory.Run::command));
    table
        .getColumns()
        .add(
            col(
                "Selection",
                160,
                r -> r.selector() == null || r.selector().isBlank() ? "all" : r.selector()));
    table.getColumns().add(col("Outcome", 90, RunHistory.Run::status));
    table.getColumns().add(col("Nodes", 60, r -> String.valueOf(r.nodes())));
    table.getColumns().add(col("Failed", 60, r -> String.valueOf(r.errors())));
    table
        .getColumns()
        .add(
            col(
                "From",
                240,
                r ->
                    r.triggeredBy() == null
                        ? r.invokedFrom()
                        : r.invokedFrom() + ": " + r.triggeredBy()));
    table
        .getColumns()
        .add(
            col(
                "Took",
                70,
                r ->
                    r.finishedAt() == null || r.startedAt() == null
                        ? ""
                        : String.format(
                            java.util.Locale.ROOT,
                            "%.1f s",
                            (r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli())
                                / 1000.0)));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, r) -> {
              if (r != null) {
                onOpen.accept(r);
              }
            });
    setCenter(table);
  }

  private static TableColumn<RunHistory.Run, String> col(
      String title, double width, java.util.function.Function<RunHistory.Run, String> value) {
    TableColumn<RunHistory.Run, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
    return c;
  }
}

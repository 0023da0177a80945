package dev.sluice.app.runs;

import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.run.RunHistory;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The History tab: past runs, newest first. Choosing one (a click, or the arrow keys) shows its
 * outcome on the graph as a view; Live, Escape or the next run goes back to the live state. Only
 * the user's choice opens a run: the list refreshing under a selection never does.
 */
public final class HistoryView extends BorderPane {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  public HistoryView(HistoryViewModel model, RunViewModel runs, Consumer<RunHistory.Run> onOpen) {
    TableView<RunHistory.Run> table = new TableView<>(model.runs());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setId("history-runs");
    table.setPlaceholder(
        new Label("No runs yet. Runs from the app and from `sluice` in a terminal appear here."));
    TableColumn<RunHistory.Run, String> started =
        col("Started", 160, r -> r.startedAt() == null ? "" : WHEN.format(r.startedAt()));
    // the other columns give way when the panel is narrow; the time never ends in "…"
    started.setMinWidth(
        new javafx.scene.text.Text("0000-00-00 00:00:00").getLayoutBounds().getWidth() * 1.15 + 24);
    table.getColumns().add(started);
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
    Runnable openChosen =
        () -> {
          RunHistory.Run r = table.getSelectionModel().getSelectedItem();
          if (r != null && !r.runId().equals(runs.viewingProperty().get())) {
            onOpen.accept(r);
          }
        };
    table.setOnMouseClicked(e -> openChosen.run());
    table.setOnKeyReleased(
        e -> {
          switch (e.getCode()) {
            case UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, ENTER -> openChosen.run();
            case ESCAPE -> runs.showLive();
            default -> {}
          }
        });
    Button liveButton = new Button("Live");
    liveButton.setId("history-live");
    liveButton.setOnAction(e -> runs.showLive());
    Label viewingLabel = new Label();
    viewingLabel.setId("history-viewing");
    runs.viewingProperty()
        .addListener(
            (o, was, id) -> {
              liveButton.setDisable(id == null);
              if (id == null) {
                table.getSelectionModel().clearSelection();
                viewingLabel.setText("The graph shows the live state.");
              } else {
                viewingLabel.setText(
                    "The graph shows a past run. Live (or Escape) goes back; the next run does too.");
              }
            });
    liveButton.setDisable(true);
    viewingLabel.setText("Choose a run to see its outcome on the graph.");
    HBox bar = new HBox(8, liveButton, viewingLabel);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    setTop(bar);
    javafx.scene.control.SplitPane split =
        new javafx.scene.control.SplitPane(withTimeline(table, model));
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    // the loads take room below the runs only in a project that has loaded something
    BorderPane loads = loadsPane(model);
    Runnable place =
        () -> {
          boolean want = !model.loads().isEmpty();
          if (want && !split.getItems().contains(loads)) {
            split.getItems().add(loads);
            split.setDividerPositions(0.6);
          } else if (!want) {
            split.getItems().remove(loads);
          }
        };
    model
        .loads()
        .addListener((javafx.collections.ListChangeListener<Workspace.LoadEntry>) c -> place.run());
    place.run();
    setCenter(split);
  }

  /** The runs beside the selected run's nodes on a time line. */
  private static javafx.scene.control.SplitPane withTimeline(
      TableView<RunHistory.Run> table, HistoryViewModel model) {
    javafx.scene.control.SplitPane runs =
        new javafx.scene.control.SplitPane(table, new RunTimeline(model.nodes()));
    runs.setDividerPositions(0.62);
    return runs;
  }

  /** The loads below the runs: each table's batches, and the action that takes one back out. */
  private static BorderPane loadsPane(HistoryViewModel model) {
    TableView<Workspace.LoadEntry> loads = new TableView<>(model.loads());
    loads.setId("history-loads");
    loads.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    loads.setPlaceholder(new Label("No loads yet. Each load of a source table appears here."));
    loads.getColumns().add(loadCol("Started", 150, Workspace.LoadEntry::startedAt));
    loads.getColumns().add(loadCol("Table", 180, Workspace.LoadEntry::table));
    loads.getColumns().add(loadCol("Status", 80, Workspace.LoadEntry::status));
    loads.getColumns().add(loadCol("Rows", 70, l -> String.valueOf(l.rows())));
    loads
        .getColumns()
        .add(
            loadCol(
                "Cursor",
                200,
                l ->
                    l.cursorAfter() == null
                        ? ""
                        : (l.cursorBefore() == null ? "" : l.cursorBefore() + " -> ")
                            + l.cursorAfter()));
    loads.getColumns().add(loadCol("Load", 120, l -> l.loadId().substring(0, 8)));
    Button drop = new Button("Drop load");
    drop.setId("history-drop-load");
    drop.setDisable(true);
    Label status = new Label("A dropped load's rows leave the raw table and its cursor goes back.");
    status.setId("history-load-status");
    loads
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, l) -> drop.setDisable(l == null || !"success".equals(l.status())));
    drop.setOnAction(
        e -> {
          Workspace.LoadEntry l = loads.getSelectionModel().getSelectedItem();
          if (l != null) {
            drop.setDisable(true);
            model.dropLoad(l.loadId(), status::setText);
          }
        });
    HBox bar = new HBox(8, drop, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    BorderPane pane = new BorderPane(loads);
    pane.setTop(bar);
    return pane;
  }

  private static TableColumn<Workspace.LoadEntry, String> loadCol(
      String title, double width, java.util.function.Function<Workspace.LoadEntry, String> value) {
    TableColumn<Workspace.LoadEntry, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
    return c;
  }

  private static TableColumn<RunHistory.Run, String> col(
      String title, double width, java.util.function.Function<RunHistory.Run, String> value) {
    TableColumn<RunHistory.Run, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
    return c;
  }
}

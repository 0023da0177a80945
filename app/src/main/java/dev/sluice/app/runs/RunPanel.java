package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The run panel: progress of the whole run, a row per finished node, the log, and the details of
 * the selected node (its error, compiled SQL, or a failing test's rows).
 */
public final class RunPanel extends BorderPane {
  private final TableView<NodeResult> table = new TableView<>();
  private final TextArea details = new TextArea();

  public RunPanel(RunViewModel model, Runnable cancel) {
    getStyleClass().add("run-panel");
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(model.progressProperty());
    bar.setPrefWidth(240);
    Label status = new Label();
    status.textProperty().bind(model.statusProperty());
    status.setId("run-status");
    Button stop = new Button("Cancel");
    stop.setId("run-cancel");
    stop.disableProperty().bind(model.runningProperty().not());
    stop.setOnAction(e -> cancel.run());
    HBox top = new HBox(10, bar, status, stop);
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    top.setPadding(new Insets(6));
    setTop(top);

    table.setId("run-nodes");
    // what failed comes first; a click on a column header sorts by it instead
    javafx.collections.transformation.SortedList<NodeResult> sorted =
        new javafx.collections.transformation.SortedList<>(model.finished());
    sorted
        .comparatorProperty()
        .bind(
            javafx.beans.binding.Bindings.createObjectBinding(
                () -> table.getComparator() == null ? FAILED_FIRST : table.getComparator(),
                table.comparatorProperty()));
    table.setItems(sorted);
    table.setPlaceholder(
        new Label("Run a node (right-click it on the graph) or press Build to see results here."));
    table.getColumns().add(column("Status", 90, r -> r.status().label()));
    table.getColumns().add(column("Kind", 70, NodeResult::kind));
    table.getColumns().add(column("Node", 220, NodeResult::name));
    table.getColumns().add(column("Rows", 80, r -> r.rows() < 0 ? "" : String.valueOf(r.rows())));
    table
        .getColumns()
        .add(
            column(
                "Time",
                70,
                r -> String.format(Locale.ROOT, "%.2f s", r.durationMillis() / 1000.0)));
    table.getColumns().add(column("Message", 420, NodeResult::message));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, r) -> details.setText(describe(r)));

    ListView<String> log = new ListView<>(model.log());
    log.setId("run-log");
    model
        .log()
        .addListener(
            (javafx.collections.ListChangeListener<String>)
                c -> log.scrollTo(model.log().size() - 1));
    details.setEditable(false);
    details.setId("run-details");
    details.setPromptText("Select a node to see its error, compiled SQL or failing rows.");
    details.getStyleClass().add("monospace");

    SplitPane right = new SplitPane(details, log);
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(0.72);
    SplitPane split = new SplitPane(table, right);
    split.setDividerPositions(0.5);
    setCenter(split);
  }

  /** Selects a node's row and shows its details, e.g. when it is clicked on the graph. */
  public void select(String nodeId) {
    table.getItems().stream()
        .filter(r -> r.nodeId().equals(nodeId))
        .findFirst()
        .ifPresent(
            r -> {
              table.getSelectionModel().select(r);
              table.scrollTo(r);
            });
  }

  /** Errors, then failed tests, then warnings, then the rest, each in the order they finished. */
  static final java.util.Comparator<NodeResult> FAILED_FIRST =
      java.util.Comparator.comparingInt(RunPanel::severity);

  private static int severity(NodeResult r) {
    return switch (r.status()) {
      case ERROR -> 0;
      case FAIL -> 1;
      case WARN -> 2;
      case CANCELLED -> 3;
      case SKIPPED -> 4;
      default -> 5;
    };
  }

  static String describe(NodeResult r) {
    if (r == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(r.kind())
        .append(' ')
        .append(r.name())
        .append(": ")
        .append(r.status().label())
        .append('\n');
    sb.append(r.message()).append("\n");
    if (!r.sample().isEmpty()) {
      sb.append("\nFailing rows (first ").append(r.sample().size()).append("):\n");
      for (Map<String, Object> row : r.sample()) {
        sb.append("  ").append(row).append('\n');
      }
    }
    if (r.compiledSql() != null) {
      sb.append("\nCompiled SQL:\n");
      String[] lines = r.compiledSql().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        sb.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
      }
    }
    return sb.toString();
  }

  private static TableColumn<NodeResult, String> column(
      String title, double width, java.util.function.Function<NodeResult, String> value) {
    TableColumn<NodeResult, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
    if (title.equals("Status")) {
      c.setCellFactory(
          col ->
              new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                  super.updateItem(item, empty);
                  getStyleClass().removeIf(s -> s.startsWith("run-"));
                  if (empty || item == null) {
                    setText(null);
                    return;
                  }
                  setText(item);
                  NodeResult r = getTableRow() == null ? null : getTableRow().getItem();
                  if (r != null) {
                    getStyleClass().add(NodeRunState.of(r.status()).styleClass());
                  }
                }
              });
    } else if (title.equals("Message")) {
      // a long error wraps onto more lines of its row instead of ending in "…"
      c.setCellFactory(
          col -> {
            TableCell<NodeResult, String> cell =
                new TableCell<>() {
                  @Override
                  protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                  }
                };
            cell.setWrapText(true);
            cell.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            cell.setId("run-message");
            return cell;
          });
    }
    return c;
  }

  TableView<NodeResult> table() {
    return table;
  }
}

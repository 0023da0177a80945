package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The Node History tab (Dagster's asset view): the selected node's builds across runs as a chart of
 * durations coloured by outcome with its row counts, and the same builds in a table.
 */
public final class AssetHistoryView extends BorderPane {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Label heading = new Label();

  public AssetHistoryView(AssetHistoryModel model, Function<String, String> nameOf) {
    setId("asset-history");
    TableView<NodeResult> table = new TableView<>(model.builds());
    table.setId("asset-history-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No builds yet: build it (Ctrl+R) and they appear here."));
    table
        .getColumns()
        .addAll(
            col("Started", 150, r -> r.startedAt() == null ? "" : WHEN.format(r.startedAt())),
            col("Status", 80, r -> r.status().name().toLowerCase(java.util.Locale.ROOT)),
            col("Took", 70, r -> BuildChart.seconds(r.durationMillis())),
            col(
                "Rows",
                90,
                r -> r.rows() < 0 ? "—" : String.format(java.util.Locale.ROOT, "%,d", r.rows())),
            col("Message", 300, r -> r.message() == null ? "" : r.message().replace('\n', ' ')));
    BuildChart chart = new BuildChart(model.builds());
    SplitPane split = new SplitPane(chart, table);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.45);
    heading.setId("asset-history-title");
    heading.setPadding(new Insets(4, 8, 4, 8));
    Runnable title =
        () -> {
          String id = model.nodeProperty().get();
          int n = model.builds().size();
          long failed = model.builds().stream().filter(r -> r.status().failsRun()).count();
          heading.setText(
              id == null
                  ? "Select a node to see its builds across runs."
                  : nameOf.apply(id)
                      + ": "
                      + (n == 0
                          ? "never built"
                          : "last "
                              + n
                              + (n == 1 ? " build" : " builds")
                              + (failed == 0 ? "" : ", " + failed + " failed")));
        };
    model.builds().addListener((ListChangeListener<NodeResult>) c -> title.run());
    model.nodeProperty().addListener((o, was, now) -> title.run());
    title.run();
    setTop(heading);
    setCenter(split);
  }

  private static TableColumn<NodeResult, String> col(
      String title, double width, Function<NodeResult, String> value) {
    TableColumn<NodeResult, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
    return c;
  }
}

package dev.sluice.app.lineage;

import dev.sluice.core.lineage.ColumnRef;
import dev.sluice.core.parse.Manifest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Lineage tab: the selected node's columns; clicking one lights up its upstream and downstream
 * on the graph and lists them; a button writes and opens the docs site.
 */
public final class LineagePane extends HBox {
  private final ListView<String> columns = new ListView<>();
  private final ListView<String> trace;
  private final Label heading = new Label("Select a node to see its columns");
  private final Button docs = new Button("Open docs site");

  public LineagePane(
      LineageViewModel model,
      ObjectProperty<String> selected,
      Supplier<Manifest> manifest,
      Consumer<String> status) {
    setId("lineage-pane");
    setSpacing(10);
    setPadding(new Insets(6));
    columns.setId("lineage-columns");
    trace = new ListView<>(model.trace());
    trace.setId("lineage-trace");
    docs.setId("open-docs");
    columns.setPrefWidth(220);
    HBox.setHgrow(trace, Priority.ALWAYS);
    VBox left = new VBox(6, heading, columns, docs);
    VBox.setVgrow(columns, Priority.ALWAYS);
    getChildren().addAll(left, trace);
    Runnable refill =
        () -> {
          String id = selected.get();
          List<String> cols =
              id == null || model.lineageProperty().get() == null
                  ? List.of()
                  : model.lineageProperty().get().columnsOf(id);
          columns.getItems().setAll(cols);
          heading.setText(id == null ? "Select a node to see its columns" : "Columns of " + id);
        };
    selected.addListener((o, a, b) -> refill.run());
    model.lineageProperty().addListener((o, a, b) -> refill.run());
    columns
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, col) -> {
              String id = selected.get();
              model.show(id == null || col == null ? null : new ColumnRef(id, col));
            });
    docs.setOnAction(
        e -> {
          Manifest m = manifest.get();
          if (m == null) {
            return;
          }
          docs.setDisable(true);
          model
              .background()
              .execute(
                  () -> {
                    String message;
                    try {
                      java.nio.file.Path index = model.writeDocs(m);
                      message = "Docs site written: " + index.toUri();
                      open(index);
                    } catch (java.io.IOException ex) {
                      message = "Could not write the docs site: " + ex.getMessage();
                    }
                    String shown = message;
                    model
                        .onUiThread()
                        .accept(
                            () -> {
                              docs.setDisable(false);
                              status.accept(shown);
                            });
                  });
        });
  }

  /** Hands the page to the desktop's browser, where there is one. */
  private static void open(java.nio.file.Path index) {
    try {
      if (java.awt.Desktop.isDesktopSupported()
          && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
        java.awt.Desktop.getDesktop().browse(index.toUri());
      }
    } catch (java.io.IOException | UnsupportedOperationException e) {
      // the status line names the file to open by hand
    }
  }
}

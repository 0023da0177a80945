package dev.sluice.app.palette;

import dev.sluice.app.graph.NodeStyle;
import dev.sluice.app.graph.PipelineView;
import dev.sluice.app.graph.gesture.NodeDragging;
import dev.sluice.app.project.GraphEditing;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The palette: drag a Model, Seed, Test, Source table or Export onto the graph to create one where
 * it is dropped (a source table first asks for its names, an export for the model it writes out).
 */
public final class PaletteView extends VBox {

  public PaletteView(PipelineView graph, GraphEditing editing) {
    setId("palette");
    getStyleClass().add("palette");
    setSpacing(6);
    setPadding(new Insets(8));
    Label title = new Label("Add");
    title.getStyleClass().add("palette-title");
    getChildren().add(title);
    add(
        graph,
        editing,
        GraphEditing.Kind.MODEL,
        "Model",
        "mdi2t-table",
        "A SQL model: drop it, then connect what it reads.");
    add(
        graph,
        editing,
        GraphEditing.Kind.SEED,
        "Seed",
        "mdi2f-file-delimited-outline",
        "A CSV file loaded as a table.");
    add(
        graph,
        editing,
        GraphEditing.Kind.TEST,
        "Test",
        "mdi2c-check-decagram-outline",
        "A SQL test: rows it returns are failures.");
    Label source =
        item(
            "Source table",
            NodeStyle.icon(dev.sluice.core.project.NodeKind.SOURCE),
            "A table from outside: one already in the warehouse, or a file Sluice loads.");
    onDrop(
        graph,
        source,
        at ->
            SourceTableDialog.ask(getScene() == null ? null : getScene().getWindow())
                .ifPresent(
                    a ->
                        editing.createSource(
                            a.source(), a.table(), a.path(), at.getX(), at.getY())));
    Label export =
        item(
            "Export",
            NodeStyle.icon(dev.sluice.core.project.NodeKind.EXPORT),
            "A file (parquet or CSV) written from a model after it builds.");
    onDrop(
        graph,
        export,
        at ->
            ExportDialog.ask(
                    getScene() == null ? null : getScene().getWindow(), editing.exportable())
                .ifPresent(
                    a ->
                        editing.createExport(
                            a.model(), a.name(), a.format(), at.getX(), at.getY())));
  }

  private void add(
      PipelineView graph,
      GraphEditing editing,
      GraphEditing.Kind kind,
      String text,
      String icon,
      String tip) {
    Label item = item(text, icon, tip);
    onDrop(graph, item, at -> editing.create(kind, at.getX(), at.getY()));
  }

  private Label item(String text, String icon, String tip) {
    Label item = new Label(text, new FontIcon(icon));
    item.setId("palette-" + text.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    item.getStyleClass().add("palette-item");
    item.setCursor(Cursor.OPEN_HAND);
    item.setTooltip(new Tooltip(tip + " (drag onto the graph)"));
    item.setMaxWidth(Double.MAX_VALUE);
    getChildren().add(item);
    return item;
  }

  /**
   * What happens when the item is dropped on the graph, at the snapped point in graph coordinates.
   */
  private static void onDrop(
      PipelineView graph, Label item, java.util.function.Consumer<Point2D> drop) {
    item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> item.setCursor(Cursor.CLOSED_HAND));
    item.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          item.setCursor(Cursor.OPEN_HAND);
          Point2D inGraph = graph.sceneToLocal(e.getSceneX(), e.getSceneY());
          if (graph.contains(inGraph)) {
            Point2D at = graph.contentPoint(e.getSceneX(), e.getSceneY());
            drop.accept(new Point2D(NodeDragging.snap(at.getX()), NodeDragging.snap(at.getY())));
          }
        });
  }
}

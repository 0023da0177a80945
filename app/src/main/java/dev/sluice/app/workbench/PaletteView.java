package dev.sluice.app.workbench;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The palette: drag a Model, Seed or Test onto the graph to create one where it is dropped. */
public final class PaletteView extends VBox {

  public PaletteView(PipelineView graph, GraphEditing editing) {
    setId("palette");
    getStyleClass().add("palette");
    setSpacing(6);
    setPadding(new Insets(8));
    Label title = new Label("Add");
    title.getStyleClass().add("palette-title");
    getChildren().add(title);
    add(graph, editing, GraphEditing.Kind.MODEL, "Model", "mdi2t-table", "A SQL model: drop it, then connect what it reads.");
    add(graph, editing, GraphEditing.Kind.SEED, "Seed", "mdi2f-file-delimited-outline", "A CSV file loaded as a table.");
    add(graph, editing, GraphEditing.Kind.TEST, "Test", "mdi2c-check-decagram-outline", "A SQL test: rows it returns are failures.");
  }

  private void add(PipelineView graph, GraphEditing editing, GraphEditing.Kind kind, String text, String icon, String tip) {
    Label item = new Label(text, new FontIcon(icon));
    item.setId("palette-" + text.toLowerCase(java.util.Locale.ROOT));
    item.getStyleClass().add("palette-item");
    item.setCursor(Cursor.OPEN_HAND);
    item.setTooltip(new Tooltip(tip + " (drag onto the graph)"));
    item.setMaxWidth(Double.MAX_VALUE);
    getChildren().add(item);
    item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> item.setCursor(Cursor.CLOSED_HAND));
    item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
      item.setCursor(Cursor.OPEN_HAND);
      Point2D inGraph = graph.sceneToLocal(e.getSceneX(), e.getSceneY());
      if (graph.contains(inGraph)) {
        Point2D at = graph.contentPoint(e.getSceneX(), e.getSceneY());
        editing.create(kind, NodeDragging.snap(at.getX()), NodeDragging.snap(at.getY()));
      }
    });
  }
}

package dev.sluice.app.graph;

import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.NodeKind;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * The minimap: the whole graph in miniature with the visible part outlined; click or drag on it to
 * move the view there. The nodes are drawn on a canvas, so it costs the same for 20 nodes or 2,000,
 * and only when they change: panning moves the outline, a rectangle over the canvas.
 */
final class MiniMap extends javafx.scene.layout.Pane {
  static final double WIDTH = 180;
  static final double HEIGHT = 120;
  private final ProjectViewModel project;
  private double scale = 1;
  private double minX;
  private double minY;
  private Bounds visible;
  private Manifest manifest;
  private boolean wholeGraphInView;

  /** Whether a node is drawn on the graph (not a test drawn on its model's card). */
  private final java.util.function.Predicate<String> drawn;

  private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
  private final javafx.scene.shape.Rectangle outline = new javafx.scene.shape.Rectangle();
  private double maxX;
  private double maxY;

  /**
   * @param moveTo centres the view on a point of the graph
   */
  MiniMap(
      ProjectViewModel project,
      java.util.function.Predicate<String> drawn,
      java.util.function.BiConsumer<Double, Double> moveTo) {
    this.project = project;
    this.drawn = drawn;
    outline.setFill(null);
    outline.setStroke(Color.rgb(9, 105, 218));
    outline.setStrokeWidth(1.5);
    outline.setMouseTransparent(true);
    outline.setVisible(false);
    getChildren().addAll(canvas, outline);
    resize(WIDTH, HEIGHT);
    setPrefSize(WIDTH, HEIGHT);
    getStyleClass().add("minimap");
    setId("minimap");
    javafx.event.EventHandler<MouseEvent> go =
        e -> {
          moveTo.accept(minX + e.getX() / scale, minY + e.getY() / scale);
          e.consume();
        };
    setOnMousePressed(go);
    setOnMouseDragged(go);
  }

  void show(Manifest m) {
    manifest = m;
    redraw();
  }

  /** Nodes were moved (a drag): draws them again where they are now. */
  void positionsChanged() {
    redraw();
  }

  /** The part of the graph in view, in the graph's coordinates: moves the outline, nothing else. */
  void visible(Bounds b) {
    visible = b;
    placeOutline();
  }

  private void placeOutline() {
    boolean has = visible != null && manifest != null && !manifest.dag().nodeIds().isEmpty();
    wholeGraphInView =
        has
            && visible.getMinX() <= minX
            && visible.getMinY() <= minY
            && visible.getMaxX() >= maxX
            && visible.getMaxY() >= maxY;
    outline.setVisible(has);
    if (has) {
      outline.setX(4 + (visible.getMinX() - minX) * scale);
      outline.setY(4 + (visible.getMinY() - minY) * scale);
      outline.setWidth(visible.getWidth() * scale);
      outline.setHeight(visible.getHeight() * scale);
    }
  }

  private void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, WIDTH, HEIGHT);
    g.setFill(Color.rgb(128, 128, 128, 0.12));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    if (manifest == null || manifest.dag().nodeIds().isEmpty()) {
      placeOutline();
      return;
    }
    maxX = -Double.MAX_VALUE;
    maxY = -Double.MAX_VALUE;
    minX = Double.MAX_VALUE;
    minY = Double.MAX_VALUE;
    for (String id : manifest.dag().nodeIds()) {
      if (!drawn.test(id)) {
        continue;
      }
      GraphLayout.Point p = project.position(id);
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x() + ProjectViewModel.NODE_WIDTH);
      maxY = Math.max(maxY, p.y() + ProjectViewModel.NODE_HEIGHT);
    }
    scale = Math.min((WIDTH - 8) / (maxX - minX), (HEIGHT - 8) / (maxY - minY));
    for (String id : manifest.dag().nodeIds()) {
      if (!drawn.test(id)) {
        continue;
      }
      GraphLayout.Point p = project.position(id);
      g.setFill(colour(manifest.node(id).map(n -> n.kind()).orElse(NodeKind.MODEL)));
      g.fillRect(
          4 + (p.x() - minX) * scale,
          4 + (p.y() - minY) * scale,
          Math.max(2, ProjectViewModel.NODE_WIDTH * scale),
          Math.max(1.5, ProjectViewModel.NODE_HEIGHT * scale));
    }
    placeOutline();
  }

  /** Whether the view shows the whole graph, when a minimap would only cover part of it. */
  boolean wholeGraphInView() {
    return wholeGraphInView;
  }

  static Color colour(NodeKind kind) {
    return switch (kind) {
      case SOURCE -> Color.web("#8250df");
      case SEED -> Color.web("#bf8700");
      case MODEL -> Color.web("#0969da");
      case SNAPSHOT -> Color.web("#1b7c83");
      case TEST -> Color.web("#8c959f");
      case EXPORT -> Color.web("#bf3989");
    };
  }
}

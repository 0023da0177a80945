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
 * move the view there. Drawn on a canvas, so it costs the same for 20 nodes or 2,000.
 */
final class MiniMap extends Canvas {
  static final double WIDTH = 180;
  static final double HEIGHT = 120;
  private final ProjectViewModel project;
  private double scale = 1;
  private double minX;
  private double minY;
  private Bounds visible;
  private Manifest manifest;
  private boolean wholeGraphInView;

  /**
   * @param moveTo centres the view on a point of the graph
   */
  MiniMap(ProjectViewModel project, java.util.function.BiConsumer<Double, Double> moveTo) {
    super(WIDTH, HEIGHT);
    this.project = project;
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

  /** The part of the graph in view, in the graph's coordinates. */
  void visible(Bounds b) {
    visible = b;
    redraw();
  }

  private void redraw() {
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, WIDTH, HEIGHT);
    g.setFill(Color.rgb(128, 128, 128, 0.12));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    if (manifest == null || manifest.dag().nodeIds().isEmpty()) {
      return;
    }
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    minX = Double.MAX_VALUE;
    minY = Double.MAX_VALUE;
    for (String id : manifest.dag().nodeIds()) {
      GraphLayout.Point p = project.position(id);
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x() + ProjectViewModel.NODE_WIDTH);
      maxY = Math.max(maxY, p.y() + ProjectViewModel.NODE_HEIGHT);
    }
    scale = Math.min((WIDTH - 8) / (maxX - minX), (HEIGHT - 8) / (maxY - minY));
    wholeGraphInView =
        visible != null
            && visible.getMinX() <= minX
            && visible.getMinY() <= minY
            && visible.getMaxX() >= maxX
            && visible.getMaxY() >= maxY;
    for (String id : manifest.dag().nodeIds()) {
      GraphLayout.Point p = project.position(id);
      g.setFill(colour(manifest.node(id).map(n -> n.kind()).orElse(NodeKind.MODEL)));
      g.fillRect(
          4 + (p.x() - minX) * scale,
          4 + (p.y() - minY) * scale,
          Math.max(2, ProjectViewModel.NODE_WIDTH * scale),
          Math.max(1.5, ProjectViewModel.NODE_HEIGHT * scale));
    }
    if (visible != null) {
      g.setStroke(Color.rgb(9, 105, 218));
      g.setLineWidth(1.5);
      g.strokeRect(
          4 + (visible.getMinX() - minX) * scale,
          4 + (visible.getMinY() - minY) * scale,
          visible.getWidth() * scale,
          visible.getHeight() * scale);
    }
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

package dev.sluice.app.workbench;

import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/** Moves a node card with the mouse, snapping to a grid, and reports where it was dropped. */
final class NodeDragging {
  static final double GRID = 10;
  private Point2D grab;
  private boolean moved;

  NodeDragging(NodeView card, Pane content, Runnable onMove, BiConsumer<Double, Double> onDrop) {
    card.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        Point2D p = content.sceneToLocal(e.getSceneX(), e.getSceneY());
        grab = new Point2D(p.getX() - card.getLayoutX(), p.getY() - card.getLayoutY());
        moved = false;
        e.consume();
      }
    });
    card.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (grab != null) {
        Point2D p = content.sceneToLocal(e.getSceneX(), e.getSceneY());
        card.relocate(snap(p.getX() - grab.getX()), snap(p.getY() - grab.getY()));
        moved = true;
        onMove.run();
        e.consume();
      }
    });
    card.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
      if (grab != null && moved) {
        onDrop.accept(card.getLayoutX(), card.getLayoutY());
      }
      grab = null;
    });
  }

  static double snap(double v) {
    return Math.round(v / GRID) * GRID;
  }
}

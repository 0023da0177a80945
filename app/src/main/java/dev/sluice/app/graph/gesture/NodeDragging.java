package dev.sluice.app.graph.gesture;

import dev.sluice.app.graph.NodeView;
import dev.sluice.app.project.GraphLayout;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Moves a node card with the mouse, snapping to a grid, and reports where it was dropped. When the
 * card is part of a selection, the other selected nodes move by the same distance, whether their
 * cards exist (in view) or not.
 */
public final class NodeDragging {
  public static final double GRID = 10;
  private Point2D grab;
  private Map<String, GraphLayout.Point> start;
  private boolean moved;

  /**
   * @param together the nodes that move with this card (itself included)
   * @param where a node's place now
   * @param cardOf a node's card if it exists, else null
   * @param onDrop the new places of every moved node
   */
  public NodeDragging(
      NodeView card,
      Pane content,
      Function<String, Collection<String>> together,
      Function<String, GraphLayout.Point> where,
      Function<String, Region> cardOf,
      Runnable onMove,
      Consumer<Map<String, GraphLayout.Point>> onDrop) {
    card.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY) {
            Point2D p = content.sceneToLocal(e.getSceneX(), e.getSceneY());
            grab = new Point2D(p.getX() - card.getLayoutX(), p.getY() - card.getLayoutY());
            start = new LinkedHashMap<>();
            start.put(card.nodeId(), new GraphLayout.Point(card.getLayoutX(), card.getLayoutY()));
            for (String id : together.apply(card.nodeId())) {
              start.putIfAbsent(id, where.apply(id));
            }
            moved = false;
            e.consume();
          }
        });
    card.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (grab != null) {
            Point2D p = content.sceneToLocal(e.getSceneX(), e.getSceneY());
            GraphLayout.Point from = start.get(card.nodeId());
            double dx = snap(p.getX() - grab.getX()) - from.x();
            double dy = snap(p.getY() - grab.getY()) - from.y();
            start.forEach(
                (id, s) -> {
                  Region r = cardOf.apply(id);
                  if (r != null) {
                    r.relocate(s.x() + dx, s.y() + dy);
                  }
                });
            moved = true;
            onMove.run();
            e.consume();
          }
        });
    card.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          if (grab != null && moved) {
            double dx = card.getLayoutX() - start.get(card.nodeId()).x();
            double dy = card.getLayoutY() - start.get(card.nodeId()).y();
            Map<String, GraphLayout.Point> to = new LinkedHashMap<>();
            start.forEach((id, s) -> to.put(id, new GraphLayout.Point(s.x() + dx, s.y() + dy)));
            onDrop.accept(to);
          }
          grab = null;
        });
  }

  public static double snap(double v) {
    return Math.round(v / GRID) * GRID;
  }
}

package dev.sluice.app.graph.gesture;

import dev.sluice.app.graph.NodeView;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * Draws an edge: press on a node's output port, drag, release over another node. A line follows the
 * pointer meanwhile; on release the edge is proposed to {@code onConnect}.
 */
public final class ConnectGesture {
  public ConnectGesture(
      NodeView card,
      Circle port,
      Pane content,
      Function<Point2D, String> nodeAt,
      BiConsumer<String, String> onConnect) {
    Line rubber = new Line();
    rubber.getStyleClass().add("edge-draft");
    rubber.setMouseTransparent(true);
    port.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          Point2D start =
              content.sceneToLocal(port.localToScene(port.getCenterX(), port.getCenterY()));
          rubber.setStartX(start.getX());
          rubber.setStartY(start.getY());
          rubber.setEndX(start.getX());
          rubber.setEndY(start.getY());
          content.getChildren().add(rubber);
          e.consume();
        });
    port.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          Point2D p = content.sceneToLocal(e.getSceneX(), e.getSceneY());
          rubber.setEndX(p.getX());
          rubber.setEndY(p.getY());
          e.consume();
        });
    port.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          content.getChildren().remove(rubber);
          String target = nodeAt.apply(content.sceneToLocal(e.getSceneX(), e.getSceneY()));
          if (target != null && !target.equals(card.nodeId())) {
            onConnect.accept(card.nodeId(), target);
          }
          e.consume();
        });
  }
}

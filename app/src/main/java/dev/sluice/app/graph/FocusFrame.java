package dev.sluice.app.graph;

import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The frame that shows the graph has the keyboard (arrow keys move the selection): four thin filled
 * rectangles along the view's sides. The software renderer fills such rectangles directly; a border
 * or a background drawn in layers over the whole view cost it a rasterised stroke or a scaled image
 * on every frame of a pan.
 */
final class FocusFrame extends Group {
  static final double WIDTH = 2;

  FocusFrame(Region view) {
    setManaged(false);
    setMouseTransparent(true);
    setId("graph-focus");
    Rectangle top = side();
    Rectangle bottom = side();
    Rectangle left = side();
    Rectangle right = side();
    top.widthProperty().bind(view.widthProperty());
    bottom.widthProperty().bind(view.widthProperty());
    bottom.yProperty().bind(view.heightProperty().subtract(WIDTH));
    left.heightProperty().bind(view.heightProperty());
    right.heightProperty().bind(view.heightProperty());
    right.xProperty().bind(view.widthProperty().subtract(WIDTH));
    top.setHeight(WIDTH);
    bottom.setHeight(WIDTH);
    left.setWidth(WIDTH);
    right.setWidth(WIDTH);
    getChildren().addAll(top, bottom, left, right);
    visibleProperty().bind(view.focusedProperty());
  }

  private static Rectangle side() {
    Rectangle r = new Rectangle();
    r.getStyleClass().add("graph-focus");
    return r;
  }
}

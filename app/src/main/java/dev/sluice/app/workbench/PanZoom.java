package dev.sluice.app.workbench;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Pans the graph by dragging the background or scrolling, and zooms with Ctrl+scroll or a pinch,
 * around the pointer. Owns the content's translate and scale, nothing else.
 */
final class PanZoom {
  static final double MIN = 0.1;
  static final double MAX = 3;
  private final Region viewport;
  private final Pane content;
  private double lastX;
  private double lastY;
  private boolean panning;

  PanZoom(Region viewport, Pane content) {
    this.viewport = viewport;
    this.content = content;
    viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getTarget() == viewport || e.getTarget() == content) {
        panning = e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE;
        lastX = e.getX();
        lastY = e.getY();
      }
    });
    viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (panning) {
        pan(e.getX() - lastX, e.getY() - lastY);
        lastX = e.getX();
        lastY = e.getY();
      }
    });
    viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> panning = false);
    viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
      if (e.isControlDown() || e.isShortcutDown()) {
        zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
      } else {
        pan(e.getDeltaX(), e.getDeltaY());
      }
      e.consume();
    });
    viewport.addEventHandler(ZoomEvent.ZOOM, e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
  }

  void pan(double dx, double dy) {
    content.setTranslateX(content.getTranslateX() + dx);
    content.setTranslateY(content.getTranslateY() + dy);
  }

  /** Zooms by {@code factor}, keeping the point under (x, y) where it is. */
  void zoomAt(double factor, double x, double y) {
    double old = content.getScaleX();
    double scale = Math.max(MIN, Math.min(MAX, old * factor));
    double f = scale / old;
    // the content scales around its own centre; keep the pointed-at point fixed
    double cx = content.getBoundsInParent().getMinX() + content.getBoundsInParent().getWidth() / 2;
    double cy = content.getBoundsInParent().getMinY() + content.getBoundsInParent().getHeight() / 2;
    content.setScaleX(scale);
    content.setScaleY(scale);
    content.setTranslateX(content.getTranslateX() - (f - 1) * (x - cx));
    content.setTranslateY(content.getTranslateY() - (f - 1) * (y - cy));
  }

  void zoomCentered(double factor) {
    zoomAt(factor, viewport.getWidth() / 2, viewport.getHeight() / 2);
  }

  /** Zooms and pans so that the rectangle (in the graph's coordinates) fills the view. */
  void frame(double x, double y, double w, double h) {
    double scale = Math.max(MIN, Math.min(1.5, Math.min((viewport.getWidth() - 80) / w, (viewport.getHeight() - 80) / h)));
    content.setScaleX(scale);
    content.setScaleY(scale);
    javafx.geometry.Point2D centre = content.localToParent(x + w / 2, y + h / 2);
    pan(viewport.getWidth() / 2 - centre.getX(), viewport.getHeight() / 2 - centre.getY());
  }

  /** Scale 1, the graph's top-left corner in the viewport's. */
  void topLeft() {
    content.setScaleX(1);
    content.setScaleY(1);
    // at scale 1 the translate is the offset itself
    content.setTranslateX(20 - content.getLayoutX() - content.getLayoutBounds().getMinX());
    content.setTranslateY(20 - content.getLayoutY() - content.getLayoutBounds().getMinY());
  }

  /** Scales and moves the content so that all of it is in view. */
  void fit() {
    double w = content.getLayoutBounds().getWidth();
    double h = content.getLayoutBounds().getHeight();
    if (w <= 0 || h <= 0 || viewport.getWidth() <= 0) {
      return;
    }
    double scale = Math.max(MIN, Math.min(1.0, Math.min((viewport.getWidth() - 40) / w, (viewport.getHeight() - 40) / h)));
    content.setScaleX(scale);
    content.setScaleY(scale);
    // scaling is around the content's centre: centre it in the viewport
    double minX = content.getLayoutBounds().getMinX();
    double minY = content.getLayoutBounds().getMinY();
    content.setTranslateX(viewport.getWidth() / 2 - (minX + w / 2) - content.getLayoutX());
    content.setTranslateY(viewport.getHeight() / 2 - (minY + h / 2) - content.getLayoutY());
  }
}

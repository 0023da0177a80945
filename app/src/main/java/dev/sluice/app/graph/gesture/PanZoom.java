package dev.sluice.app.graph.gesture;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Pans the graph by dragging the background or scrolling, and zooms with Ctrl+scroll or a pinch,
 * around the pointer. Shift+drag is left to the rubber band. Owns the content's translate and
 * scale, nothing else.
 */
public final class PanZoom {
  public static final double MIN = 0.1;
  public static final double MAX = 3;
  private final Region viewport;
  private final Pane content;
  private double lastX;
  private double lastY;
  private boolean panning;

  public PanZoom(Region viewport, Pane content) {
    this.viewport = viewport;
    this.content = content;
    viewport.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (e.getTarget() == viewport || e.getTarget() == content) {
            // Shift+drag on the background draws a selection rectangle instead (RubberBand)
            panning =
                e.getButton() == MouseButton.MIDDLE
                    || e.getButton() == MouseButton.PRIMARY && !e.isShiftDown();
            lastX = e.getX();
            lastY = e.getY();
          }
        });
    viewport.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (panning) {
            pan(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
          }
        });
    viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> panning = false);
    viewport.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isControlDown() || e.isShortcutDown()) {
            zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
          } else {
            pan(e.getDeltaX(), e.getDeltaY());
          }
          e.consume();
        });
    viewport.addEventHandler(ZoomEvent.ZOOM, e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
  }

  /**
   * The translate the pans and zooms ask for. The content's own is this snapped to whole pixels:
   * the software renderer copies a cached card or the edge canvas at a whole-pixel offset straight,
   * and at any other it interpolates every pixel between four. Kept apart so that pans of a
   * fraction of a pixel still add up.
   */
  private double wantX;

  private double wantY;

  public void pan(double dx, double dy) {
    if (content.getTranslateX() != viewport.snapPositionX(wantX)
        || content.getTranslateY() != viewport.snapPositionY(wantY)) {
      wantX = content.getTranslateX(); // moved by someone else: start from where it is
      wantY = content.getTranslateY();
    }
    wantX += dx;
    wantY += dy;
    content.setTranslateX(viewport.snapPositionX(wantX));
    content.setTranslateY(viewport.snapPositionY(wantY));
  }

  /** Zooms by {@code factor}, keeping the point under (x, y) where it is. */
  public void zoomAt(double factor, double x, double y) {
    double scale = Math.max(MIN, Math.min(MAX, content.getScaleX() * factor));
    javafx.geometry.Point2D under = content.parentToLocal(x, y);
    content.setScaleX(scale);
    content.setScaleY(scale);
    javafx.geometry.Point2D now = content.localToParent(under);
    pan(x - now.getX(), y - now.getY());
  }

  public void zoomCentered(double factor) {
    zoomAt(factor, viewport.getWidth() / 2, viewport.getHeight() / 2);
  }

  /** Zooms and pans so that the rectangle (in the graph's coordinates) fills the view. */
  public void frame(double x, double y, double w, double h) {
    double scale =
        Math.max(
            MIN,
            Math.min(
                1.5, Math.min((viewport.getWidth() - 80) / w, (viewport.getHeight() - 80) / h)));
    centreOn(scale, x + w / 2, y + h / 2);
  }

  /** Sets the scale, then pans so that the graph point (cx, cy) is in the middle of the view. */
  private void centreOn(double scale, double cx, double cy) {
    content.setScaleX(scale);
    content.setScaleY(scale);
    javafx.geometry.Point2D centre = content.localToParent(cx, cy);
    pan(viewport.getWidth() / 2 - centre.getX(), viewport.getHeight() / 2 - centre.getY());
  }

  /** Scale 1, the graph's top-left corner near the viewport's. */
  public void topLeft() {
    javafx.geometry.Bounds b = content.getBoundsInLocal();
    content.setScaleX(1);
    content.setScaleY(1);
    javafx.geometry.Point2D corner = content.localToParent(b.getMinX(), b.getMinY());
    pan(20 - corner.getX(), 20 - corner.getY());
  }

  /** Scales and moves the content so that all of it is in view. */
  public void fit() {
    // the children's bounds: the pane is unmanaged, so its own size says nothing
    javafx.geometry.Bounds b = content.getBoundsInLocal();
    if (b.getWidth() <= 0 || b.getHeight() <= 0 || viewport.getWidth() <= 0) {
      return;
    }
    double scale =
        Math.max(
            MIN,
            Math.min(
                1.0,
                Math.min(
                    (viewport.getWidth() - 40) / b.getWidth(),
                    (viewport.getHeight() - 40) / b.getHeight())));
    centreOn(scale, b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
  }

  /**
   * Runs {@code action} now if the region has its size, else once it gets one (a window just
   * opening).
   */
  public static void whenSized(Region region, Runnable action) {
    if (region.getWidth() > 0 && region.getHeight() > 0) {
      action.run();
      return;
    }
    javafx.beans.value.ChangeListener<Number> once =
        new javafx.beans.value.ChangeListener<>() {
          @Override
          public void changed(
              javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
            if (region.getWidth() > 0 && region.getHeight() > 0) {
              region.widthProperty().removeListener(this);
              region.heightProperty().removeListener(this);
              javafx.application.Platform.runLater(action);
            }
          }
        };
    region.widthProperty().addListener(once);
    region.heightProperty().addListener(once);
  }
}

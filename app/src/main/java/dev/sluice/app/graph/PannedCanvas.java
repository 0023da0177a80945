package dev.sluice.app.graph;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * A canvas twice the size of the view and centred on it, for what the graph paints by hand: a pan
 * of up to half a view in any direction moves the image painted last instead of painting it again;
 * a larger pan, a zoom or {@link #invalidate} paints afresh. Gestures go to the view underneath.
 */
abstract class PannedCanvas extends Canvas {
  /** Where the image was painted: the content's transform then, and whether it is still good. */
  private double drawnTx;

  private double drawnTy;
  private double drawnScale = -1;
  private boolean valid;

  /** Counts the times the canvas was painted afresh, for tests. */
  int draws;

  PannedCanvas(Pane viewport, String id) {
    setMouseTransparent(true);
    setManaged(false);
    widthProperty().bind(viewport.widthProperty().multiply(2));
    heightProperty().bind(viewport.heightProperty().multiply(2));
    // half a view above and left of it, at a whole pixel (see PanZoom#pan)
    layoutXProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> -Math.floor(viewport.getWidth() / 2), viewport.widthProperty()));
    layoutYProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> -Math.floor(viewport.getHeight() / 2), viewport.heightProperty()));
    setId(id);
    widthProperty().addListener((o, a, b) -> invalidate()); // a resized canvas is blank
    heightProperty().addListener((o, a, b) -> invalidate());
  }

  /** The next paint starts afresh: what is drawn, its look or the view's size changed. */
  final void invalidate() {
    valid = false;
  }

  /**
   * For the content's transform (a point (x, y) of the graph at (tx + x * scale, ty + y * scale) on
   * the view): moves the image painted last and says true when it still covers the view; else says
   * false, and the caller paints afresh with the canvas's origin at its layout position (about half
   * a view above and left of the view's).
   */
  final boolean moved(double tx, double ty, double scale) {
    double halfW = getWidth() / 4;
    double halfH = getHeight() / 4;
    if (valid
        && scale == drawnScale
        && Math.abs(tx - drawnTx) <= halfW
        && Math.abs(ty - drawnTy) <= halfH) {
      setTranslateX(tx - drawnTx);
      setTranslateY(ty - drawnTy);
      return true;
    }
    valid = true;
    draws++;
    drawnTx = tx;
    drawnTy = ty;
    drawnScale = scale;
    setTranslateX(0);
    setTranslateY(0);
    return false;
  }
}

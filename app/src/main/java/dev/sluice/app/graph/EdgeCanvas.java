package dev.sluice.app.graph;

import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;

/**
 * The edges of a large graph at a zoom where cards are drawn: their curves painted on one canvas
 * under the cards, twice the size of the view and centred on it, moved on pan and painted again
 * only when a pan leaves what it covers, the zoom changes, or an edge or the selection does. A pan
 * then costs one copy of an image, where hundreds of long curves would each be rasterised again on
 * every frame. The edges' views stay on the plane, undrawn, to be clicked; an edge that is being
 * dragged or is selected is drawn by its own view instead ({@link LazyCards#isLive}).
 */
final class EdgeCanvas extends PannedCanvas {
  /** Styled by the stylesheet like an edge's own curve: where the canvas takes its colours. */
  private final CubicCurve probe = new CubicCurve();

  EdgeCanvas(Pane viewport) {
    super(viewport, "graph-edges");
    probe.getStyleClass().add("edge-probe");
    probe.setVisible(false);
    probe.setManaged(false);
    probe.strokeProperty().addListener((o, a, b) -> invalidate()); // a change of theme
    probe.strokeWidthProperty().addListener((o, a, b) -> invalidate());
  }

  /** The styled, never drawn curve the canvas reads its stroke from; to be put in the scene. */
  CubicCurve probe() {
    return probe;
  }

  /** How the edges are painted: what is drawn and how each looks. */
  interface Edges {
    /** Gives each edge whose line may cross a rectangle of the graph's plane. */
    void near(Bounds area, java.util.function.IntConsumer each);

    /** The straight line of edge i: x1, y1, x2, y2 on the graph's plane. */
    double[] line(int i);

    /** Whether edge i is drawn by its own view instead. */
    boolean live(int i);

    /** Whether edge i is dimmed (a selection lights up other nodes). */
    boolean dimmed(int i);
  }

  /**
   * Paints the edges for the content's transform: a point (x, y) of the graph is at (tx + x *
   * scale, ty + y * scale) on the view; or, when the image painted last still covers the view,
   * moves it.
   */
  void draw(Edges edges, double tx, double ty, double scale) {
    if (moved(tx, ty, scale)) {
      return;
    }
    double ox = tx - getLayoutX(); // the canvas starts about half a view above and left of the view
    double oy = ty - getLayoutY();
    GraphicsContext g = getGraphicsContext2D();
    int w = (int) Math.ceil(getWidth());
    int h = (int) Math.ceil(getHeight());
    g.clearRect(0, 0, getWidth(), getHeight());
    if (raster == null || raster.width() != w || raster.height() != h) {
      raster = new EdgeRaster(w, h);
    } else {
      raster.clear();
    }
    Bounds area = new javafx.geometry.BoundingBox(-ox / scale, -oy / scale, w / scale, h / scale);
    double lineWidth = Math.max(0.5, probe.getStrokeWidth() * scale);
    edges.near(
        area,
        i -> {
          if (edges.live(i)) {
            return;
          }
          double[] l = edges.line(i);
          if (!LazyCards.crosses(area, l[0], l[1], l[2], l[3])) {
            return;
          }
          double bend = Math.max(40, Math.abs(l[2] - l[0]) / 2);
          raster.cubic(
              ox + l[0] * scale,
              oy + l[1] * scale,
              ox + (l[0] + bend) * scale,
              oy + l[1] * scale,
              ox + (l[2] - bend) * scale,
              oy + l[3] * scale,
              ox + l[2] * scale,
              oy + l[3] * scale,
              lineWidth,
              edges.dimmed(i) ? 0.15f : 1f);
        });
    Color c = probe.getStroke() instanceof Color k ? k : Color.GRAY;
    g.getPixelWriter()
        .setPixels(
            0,
            0,
            w,
            h,
            javafx.scene.image.PixelFormat.getByteBgraPreInstance(),
            raster.pixels(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity()),
            0,
            4 * w);
  }

  /** Where the edges are painted before they are put on the canvas, kept while its size is. */
  private EdgeRaster raster;

  /** Paints nothing (and forgets what was painted). */
  void clear() {
    getGraphicsContext2D().clearRect(0, 0, getWidth(), getHeight());
    invalidate();
  }
}

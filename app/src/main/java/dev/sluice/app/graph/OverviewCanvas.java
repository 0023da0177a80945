package dev.sluice.app.graph;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.NodeKind;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The graph zoomed out: every node a rectangle in its kind's colour and every edge a straight line,
 * drawn on one canvas twice the size of the view, and drawn again only when a pan leaves what it
 * covers, the zoom changes or the graph or its selection does. Below {@link #ZOOM} a large graph is
 * drawn this way instead of with cards, whose outlines and text the software renderer would spend
 * most of each frame on while nobody can read them.
 */
final class OverviewCanvas extends PannedCanvas {
  /** Below this zoom, large graphs are drawn as an overview. */
  static final double ZOOM = 0.4;

  private static final Color GROUP = Color.web("#6e7781");
  private static final Color SELECTED = Color.web("#0969da");
  private static final Color EDGE = Color.gray(0.55);

  /** Where the edges are painted before they are put on the canvas, kept while its size is. */
  private EdgeRaster raster;

  OverviewCanvas(Pane viewport) {
    super(viewport, "graph-overview");
  }

  /**
   * Draws the graph with the content's transform: a point (x, y) of the graph is at (tx + x *
   * scale, ty + y * scale) on the view.
   */
  void draw(
      Manifest m,
      FolderGroups.Shown shown,
      Function<String, GraphLayout.Point> at,
      Set<String> selected,
      double tx,
      double ty,
      double scale) {
    if (moved(tx, ty, scale)) {
      return; // a pan: the image drawn already still covers the view
    }
    tx -= getLayoutX(); // the canvas starts about half a view above and left of the view
    ty -= getLayoutY();
    GraphicsContext g = getGraphicsContext2D();
    double w = getWidth();
    double h = getHeight();
    g.clearRect(0, 0, w, h);
    double nw = ProjectViewModel.NODE_WIDTH * scale;
    double nh = ProjectViewModel.NODE_HEIGHT * scale;
    // the edges painted by hand into pixels (thousands of long lines cost the general rasteriser
    // far more), then one fill per node
    int pw = (int) Math.ceil(w);
    int ph = (int) Math.ceil(h);
    if (raster == null || raster.width() != pw || raster.height() != ph) {
      raster = new EdgeRaster(pw, ph);
    } else {
      raster.clear();
    }
    for (String[] e : shown.edges()) {
      GraphLayout.Point a = at.apply(e[0]);
      GraphLayout.Point b = at.apply(e[1]);
      double x1 = tx + a.x() * scale + nw;
      double y1 = ty + a.y() * scale + nh / 2;
      double x2 = tx + b.x() * scale;
      double y2 = ty + b.y() * scale + nh / 2;
      if (Math.max(x1, x2) < 0
          || Math.min(x1, x2) > w
          || Math.max(y1, y2) < 0
          || Math.min(y1, y2) > h) {
        continue; // off the view
      }
      raster.line(x1, y1, x2, y2, 1, 1f);
    }
    g.getPixelWriter()
        .setPixels(
            0,
            0,
            pw,
            ph,
            javafx.scene.image.PixelFormat.getByteBgraPreInstance(),
            raster.pixels(EDGE.getRed(), EDGE.getGreen(), EDGE.getBlue(), 1),
            0,
            4 * pw);
    java.util.Map<Color, java.util.List<double[]>> byColour = new java.util.HashMap<>();
    java.util.List<double[]> marked = new java.util.ArrayList<>();
    for (String id : shown.items()) {
      GraphLayout.Point p = at.apply(id);
      double x = tx + p.x() * scale;
      double y = ty + p.y() * scale;
      if (x + nw < 0 || x > w || y + nh < 0 || y > h) {
        continue;
      }
      Color c =
          shown.isGroup(id)
              ? GROUP
              : MiniMap.colour(m.node(id).map(n -> n.kind()).orElse(NodeKind.MODEL));
      byColour.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(new double[] {x, y});
      if (selected.contains(id)) {
        marked.add(new double[] {x, y});
      }
    }
    byColour.forEach(
        (c, rects) -> {
          g.setFill(c);
          for (double[] r : rects) {
            g.fillRect(r[0], r[1], nw, nh);
          }
        });
    if (!marked.isEmpty()) {
      g.beginPath();
      for (double[] r : marked) {
        g.rect(r[0] - 2, r[1] - 2, nw + 4, nh + 4);
      }
      g.setStroke(SELECTED);
      g.setLineWidth(3);
      g.stroke();
    }
  }

  void clear() {
    getGraphicsContext2D().clearRect(0, 0, getWidth(), getHeight());
  }
}

package dev.sluice.app.graph;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;

/**
 * An edge from the right side of one node to the left side of another: a thin visible curve over a
 * wide transparent one, so that it is easy to click. On a large graph the edge canvas paints the
 * curve and the view is only the wide one, to be clicked, until it is dragged or selected: the
 * visible curve is made then.
 */
final class EdgeView extends Group {
  final String from;
  final String to;

  /** Its number among the graph's edges, for the plane's index. */
  int index;

  /** The visible curve, made when the view first draws it. */
  private CubicCurve line;

  private final CubicCurve hit = new CubicCurve();
  private boolean smooth = true;
  private boolean selected;

  EdgeView(String from, String to) {
    this.from = from;
    this.to = to;
    getStyleClass().add("edge-group");
    hit.setFill(null);
    hit.setStroke(Color.BLACK);
    hit.setStrokeWidth(12);
    // picked but never drawn: a transparent stroke 12 wide was still rasterised on every frame
    hit.setOpacity(0);
    getChildren().add(hit);
    GraphIds.name(this, "edge-" + from + "->" + to); // not a CSS id: see GraphIds
  }

  void place(double x1, double y1, double x2, double y2) {
    double bend = Math.max(40, Math.abs(x2 - x1) / 2);
    hit.setStartX(x1);
    hit.setStartY(y1);
    hit.setControlX1(x1 + bend);
    hit.setControlY1(y1);
    hit.setControlX2(x2 - bend);
    hit.setControlY2(y2);
    hit.setEndX(x2);
    hit.setEndY(y2);
    if (line != null) {
      follow(line);
    }
  }

  private void follow(CubicCurve c) {
    c.setStartX(hit.getStartX());
    c.setStartY(hit.getStartY());
    c.setControlX1(hit.getControlX1());
    c.setControlY1(hit.getControlY1());
    c.setControlX2(hit.getControlX2());
    c.setControlY2(hit.getControlY2());
    c.setEndX(hit.getEndX());
    c.setEndY(hit.getEndY());
  }

  /**
   * Whether the edge's curve is drawn by this view; when not, the graph's edge canvas paints it and
   * the view is only there to be clicked.
   */
  void setDrawn(boolean on) {
    if (on && line == null) {
      line = new CubicCurve();
      line.getStyleClass().add("edge");
      line.setFill(null);
      line.setMouseTransparent(true);
      line.setSmooth(smooth);
      line.pseudoClassStateChanged(SELECTED, selected);
      follow(line);
      getChildren().add(line);
    }
    if (line != null) {
      line.setVisible(on);
    }
  }

  /**
   * Antialiased or not: while the graph pans, edges are drawn without, which costs the software
   * renderer a fraction of smooth curves; at rest they are smooth again.
   */
  void setSmooth(boolean on) {
    smooth = on;
    if (line != null) {
      line.setSmooth(on);
    }
  }

  private static final javafx.css.PseudoClass SELECTED =
      javafx.css.PseudoClass.getPseudoClass("selected");

  void setSelected(boolean on) {
    selected = on;
    if (line != null) {
      line.pseudoClassStateChanged(SELECTED, on);
    }
  }

  void setDimmed(boolean on) {
    setOpacity(on ? 0.15 : 1);
  }
}

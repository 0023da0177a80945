package dev.sluice.app.graph;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;

/**
 * An edge from the right side of one node to the left side of another: a thin visible curve over a
 * wide transparent one, so that it is easy to click.
 */
final class EdgeView extends Group {
  final String from;
  final String to;

  /** Its number among the graph's edges, for the plane's index. */
  int index;

  private final CubicCurve line = new CubicCurve();
  private final CubicCurve hit = new CubicCurve();

  EdgeView(String from, String to) {
    this.from = from;
    this.to = to;
    getStyleClass().add("edge-group");
    line.getStyleClass().add("edge");
    line.setFill(null);
    line.setMouseTransparent(true);
    hit.setFill(null);
    hit.setStroke(Color.BLACK);
    hit.setStrokeWidth(12);
    // picked but never drawn: a transparent stroke 12 wide was still rasterised on every frame
    hit.setOpacity(0);
    getChildren().addAll(hit, line);
    setId("edge-" + from + "->" + to);
  }

  void place(double x1, double y1, double x2, double y2) {
    double bend = Math.max(40, Math.abs(x2 - x1) / 2);
    for (CubicCurve c : new CubicCurve[] {line, hit}) {
      c.setStartX(x1);
      c.setStartY(y1);
      c.setControlX1(x1 + bend);
      c.setControlY1(y1);
      c.setControlX2(x2 - bend);
      c.setControlY2(y2);
      c.setEndX(x2);
      c.setEndY(y2);
    }
  }

  /**
   * Antialiased or not: while the graph pans, edges are drawn without, which costs the software
   * renderer a fraction of smooth curves; at rest they are smooth again.
   */
  void setSmooth(boolean on) {
    line.setSmooth(on);
  }

  /**
   * Whether the edge's curve is drawn by this view; when not, the graph's edge canvas paints it and
   * the view is only there to be clicked.
   */
  void setDrawn(boolean on) {
    line.setVisible(on);
  }

  void setSelected(boolean on) {
    line.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), on);
  }

  void setDimmed(boolean on) {
    setOpacity(on ? 0.15 : 1);
  }
}

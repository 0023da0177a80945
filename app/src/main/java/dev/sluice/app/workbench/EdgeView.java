package dev.sluice.app.workbench;

import javafx.scene.shape.CubicCurve;

/** An edge from the right side of one node to the left side of another. */
final class EdgeView extends CubicCurve {
  final String from;
  final String to;

  EdgeView(String from, String to) {
    this.from = from;
    this.to = to;
    getStyleClass().add("edge");
    setFill(null);
    setMouseTransparent(true);
  }

  void place(double x1, double y1, double x2, double y2) {
    double bend = Math.max(40, Math.abs(x2 - x1) / 2);
    setStartX(x1);
    setStartY(y1);
    setControlX1(x1 + bend);
    setControlY1(y1);
    setControlX2(x2 - bend);
    setControlY2(y2);
    setEndX(x2);
    setEndY(y2);
  }

  void setDimmed(boolean on) {
    setOpacity(on ? 0.15 : 1);
  }
}

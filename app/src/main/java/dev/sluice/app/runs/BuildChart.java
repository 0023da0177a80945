package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A node's builds as a small chart, oldest on the left: a bar per build as tall as it took,
 * coloured by its outcome, and its row counts as a line of dots on their own scale, with the
 * largest value of each scale written at the top.
 */
public final class BuildChart extends Region {
  static final Color SUCCESS = Color.web("#1a7f37");
  static final Color FAILED = Color.web("#cf222e");
  static final Color WARN = Color.web("#bf8700");
  static final Color OTHER = Color.web("#8c959f");
  private static final Color ROWS = Color.web("#0969da");

  private final Canvas canvas = new Canvas();
  private final ObservableList<NodeResult> builds;

  public BuildChart(ObservableList<NodeResult> newestFirst) {
    this.builds = newestFirst;
    setId("build-chart");
    getChildren().add(canvas);
    setMinHeight(90);
    setPrefHeight(140);
    newestFirst.addListener((ListChangeListener<NodeResult>) c -> draw());
    widthProperty().addListener(o -> draw());
    heightProperty().addListener(o -> draw());
  }

  static Color colour(NodeStatus s) {
    return switch (s) {
      case SUCCESS, PASS -> SUCCESS;
      case ERROR, FAIL -> FAILED;
      case WARN -> WARN;
      case SKIPPED, CANCELLED -> OTHER;
    };
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    draw();
  }

  private void draw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    List<NodeResult> oldestFirst = new ArrayList<>(builds);
    java.util.Collections.reverse(oldestFirst);
    if (oldestFirst.isEmpty() || w < 40 || h < 40) {
      return;
    }
    double left = 56;
    double right = 56;
    double top = 16;
    double bottom = 18;
    double plotW = w - left - right;
    double plotH = h - top - bottom;
    long maxMs =
        Math.max(1, oldestFirst.stream().mapToLong(NodeResult::durationMillis).max().orElse(1));
    // views and tests count no rows (-1): they get no dot
    boolean counted = oldestFirst.stream().anyMatch(r -> r.rows() >= 0);
    long maxRows = Math.max(1, oldestFirst.stream().mapToLong(NodeResult::rows).max().orElse(1));
    Font small = Font.font(10);
    g.setFont(small);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(OTHER);
    g.setStroke(OTHER.deriveColor(0, 1, 1, 0.4));
    g.setLineWidth(1);
    g.strokeLine(left, top + plotH + 0.5, left + plotW, top + plotH + 0.5);
    g.strokeLine(left, top, left + plotW, top);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText(seconds(maxMs), left - 4, top);
    g.fillText("0 s", left - 4, top + plotH);
    if (counted) {
      g.setFill(ROWS);
      g.setTextAlign(TextAlignment.LEFT);
      g.fillText(rows(maxRows), left + plotW + 4, top);
      g.fillText("0 rows", left + plotW + 4, top + plotH);
    }
    int n = oldestFirst.size();
    double slot = plotW / n;
    double bar = Math.max(2, Math.min(28, slot * 0.7));
    double[] xs = new double[n];
    double[] ys = new double[n];
    int dots = 0;
    for (int i = 0; i < n; i++) {
      NodeResult r = oldestFirst.get(i);
      double x = left + slot * i + (slot - bar) / 2;
      double bh = Math.max(2, plotH * r.durationMillis() / (double) maxMs);
      g.setFill(colour(r.status()));
      g.fillRect(x, top + plotH - bh, bar, bh);
      if (r.rows() >= 0) {
        xs[dots] = x + bar / 2;
        ys[dots] = top + plotH - plotH * r.rows() / (double) maxRows;
        dots++;
      }
    }
    g.setStroke(ROWS);
    g.setLineWidth(1.5);
    g.strokePolyline(xs, ys, dots);
    g.setFill(ROWS);
    for (int i = 0; i < dots; i++) {
      g.fillOval(xs[i] - 2.5, ys[i] - 2.5, 5, 5);
    }
    g.setFill(OTHER);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText("oldest", left, h - bottom / 2);
    g.setTextAlign(TextAlignment.RIGHT);
    g.fillText("latest", left + plotW, h - bottom / 2);
  }

  static String seconds(long ms) {
    return ms < 1000
        ? ms + " ms"
        : String.format(Locale.ROOT, ms < 10_000 ? "%.1f s" : "%.0f s", ms / 1000.0);
  }

  static String rows(long n) {
    return String.format(Locale.ROOT, "%,d rows", n);
  }
}

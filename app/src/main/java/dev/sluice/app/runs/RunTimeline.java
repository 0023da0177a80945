package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A run's nodes on a time line (a Gantt chart): one row per node in the order they started, a bar
 * from its start to its end coloured by its outcome, so the long poles and the waits show at a
 * glance.
 */
public final class RunTimeline extends StackPane {
  static final double ROW = 18;
  static final double NAMES = 170;

  private final Canvas canvas = new Canvas();
  private final ObservableList<NodeResult> nodes;
  private final Label empty = new Label("Choose a run to see its nodes on a time line.");
  private final ScrollPane scroll;

  public RunTimeline(ObservableList<NodeResult> nodes) {
    this.nodes = nodes;
    setId("run-timeline");
    scroll = new ScrollPane(canvas);
    scroll.setFitToWidth(true);
    getChildren().addAll(scroll, empty);
    nodes.addListener((ListChangeListener<NodeResult>) c -> draw());
    widthProperty().addListener(o -> draw());
    draw();
  }

  /** The nodes with a start, in the order they started. */
  List<NodeResult> rows() {
    List<NodeResult> out = new ArrayList<>();
    for (NodeResult r : nodes) {
      if (r.startedAt() != null) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(NodeResult::startedAt).thenComparing(NodeResult::name));
    return out;
  }

  private void draw() {
    List<NodeResult> rows = rows();
    empty.setVisible(rows.isEmpty());
    scroll.setVisible(!rows.isEmpty());
    double w = Math.max(200, getWidth() - 16);
    double h = 24 + rows.size() * ROW;
    canvas.setWidth(w);
    canvas.setHeight(h);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    if (rows.isEmpty()) {
      return;
    }
    long t0 = rows.get(0).startedAt().toEpochMilli();
    long t1 = t0 + 1;
    for (NodeResult r : rows) {
      t1 = Math.max(t1, r.startedAt().toEpochMilli() + Math.max(1, r.durationMillis()));
    }
    double plot = w - NAMES - 12;
    double scale = plot / (t1 - t0);
    g.setFont(Font.font(11));
    g.setTextBaseline(VPos.CENTER);
    g.setStroke(BuildChart.OTHER.deriveColor(0, 1, 1, 0.35));
    for (int q = 0; q <= 4; q++) {
      double x = NAMES + plot * q / 4;
      g.strokeLine(x + 0.5, 16, x + 0.5, h);
      g.setFill(BuildChart.OTHER);
      g.setTextAlign(
          q == 0 ? TextAlignment.LEFT : q == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
      g.fillText(BuildChart.seconds((t1 - t0) * q / 4), x, 8);
    }
    for (int i = 0; i < rows.size(); i++) {
      NodeResult r = rows.get(i);
      double y = 20 + i * ROW;
      g.setFill(Color.GRAY);
      g.setTextAlign(TextAlignment.RIGHT);
      String name = r.name().length() > 26 ? r.name().substring(0, 25) + "…" : r.name();
      g.setFill(BuildChart.OTHER.darker());
      g.fillText(name, NAMES - 6, y + ROW / 2);
      double x = NAMES + (r.startedAt().toEpochMilli() - t0) * scale;
      double bw = Math.max(2, r.durationMillis() * scale);
      g.setFill(BuildChart.colour(r.status()));
      g.fillRoundRect(x, y + 3, bw, ROW - 6, 3, 3);
    }
  }
}

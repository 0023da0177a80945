package dev.sluice.app.quality;

import dev.sluice.core.quality.Scorecard;
import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;

/** A small line of a table's scores over its last runs: 0 at the bottom, 100 at the top. */
public final class Sparkline extends Pane {
  static final double WIDTH = 80;
  static final double HEIGHT = 16;
  private final Polyline line = new Polyline();

  public Sparkline(List<Scorecard.Point> points) {
    getStyleClass().add("quality-sparkline");
    setPrefSize(WIDTH, HEIGHT);
    setMinSize(WIDTH, HEIGHT);
    setMaxSize(WIDTH, HEIGHT);
    line.setStyle("-fx-stroke: #1565c0; -fx-stroke-width: 1.5;");
    getChildren().add(line);
    for (int i = 0; i < points.size(); i++) {
      double x = points.size() == 1 ? WIDTH / 2 : 2 + (WIDTH - 4) * i / (points.size() - 1);
      double y = 1 + (HEIGHT - 2) * (1 - Math.max(0, Math.min(100, points.get(i).score())) / 100);
      line.getPoints().addAll(x, y);
      if (i == points.size() - 1) {
        Circle end = new Circle(x, y, 2.2);
        end.setStyle("-fx-fill: #1565c0;");
        getChildren().add(end);
      }
    }
  }

  /** How many points the line has. */
  public int size() {
    return line.getPoints().size() / 2;
  }
}

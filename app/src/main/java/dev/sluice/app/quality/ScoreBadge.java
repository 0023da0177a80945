package dev.sluice.app.quality;

import dev.sluice.core.quality.Scorecard;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The score a node's card wears on the graph, coloured by its grade; hidden when unscored. */
public final class ScoreBadge extends Label {
  public ScoreBadge() {
    getStyleClass().add("score-badge");
    setVisible(false);
    setManaged(false);
  }

  public void show(Scorecard.TableScore score) {
    if (score == null) {
      setVisible(false);
      setManaged(false);
      return;
    }
    setText("Q " + Math.round(score.overall()));
    setStyle(
        "-fx-background-color: "
            + background(score.grade())
            + "; -fx-text-fill: "
            + (score.grade().equals("fair") ? "#222" : "white")
            + "; -fx-background-radius: 8; -fx-padding: 0 5 0 5; -fx-font-size: 10px;");
    setTooltip(
        new Tooltip(
            "Quality "
                + Math.round(score.overall())
                + " ("
                + score.grade()
                + "), "
                + score.checks().size()
                + " checks, "
                + score.failing().size()
                + " not passing"));
    setVisible(true);
    setManaged(true);
  }

  static String background(String grade) {
    return switch (grade) {
      case "good" -> "#2e7d32";
      case "fair" -> "#f9a825";
      default -> "#c62828";
    };
  }
}

package dev.sluice.app.graph;

import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunBadge;
import dev.sluice.core.project.Node;
import dev.sluice.core.run.NodeResult;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One node on the graph: a card with the kind's icon and colour, the name, a detail line and a run
 * badge.
 */
public final class NodeView extends VBox {
  private final String nodeId;

  /** The run badge and the quality score, made when the card first has one to show. */
  private RunBadge badge;

  private dev.sluice.app.quality.ScoreBadge score;
  private final Label detail;
  private final javafx.scene.shape.Circle port = new javafx.scene.shape.Circle(4.5);
  private final String detailText;
  private final HBox top;
  private final HBox bottom;
  private final FontIcon icon;
  private final Label name;
  private final String title;

  /** The badge of the tests drawn on this card, made when the card first has some. */
  private TestBadge tests;

  public NodeView(Node node) {
    this.nodeId = node.uniqueId();
    getStyleClass().addAll("node-card", NodeStyle.styleClass(node.kind()));
    GraphIds.name(this, "node-" + nodeId); // not a CSS id: see GraphIds
    setPrefSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    setMinSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    setMaxSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    icon = new FontIcon(NodeStyle.icon(node.kind()));
    icon.getStyleClass().add("node-icon");
    title = NodeStyle.title(node);
    name = new Label(title);
    name.getStyleClass().add("node-name");
    name.setMaxWidth(ProjectViewModel.NODE_WIDTH - 40);
    top = new HBox(6, icon, name);
    top.setAlignment(Pos.CENTER_LEFT);
    detailText = NodeStyle.detail(node);
    detail = new Label(detailText);
    detail.getStyleClass().add("node-detail");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    bottom = new HBox(4, detail, gap);
    bottom.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(top, bottom);
    setSpacing(4);
    port.getStyleClass().add("node-port");
    port.setManaged(false);
    port.setLayoutX(ProjectViewModel.NODE_WIDTH);
    port.setLayoutY(ProjectViewModel.NODE_HEIGHT / 2);
    port.setCursor(javafx.scene.Cursor.CROSSHAIR);
    javafx.scene.control.Tooltip.install(port, portTip());
    getChildren().add(port);
    // drawn once into an image and reused while the graph pans: text and rounded borders are
    // costly for the software renderer to draw again on every frame
    setCache(true);
  }

  /** How far the graph is zoomed out, for the card's text: 0 at reading zoom, 1 and 2 further. */
  private int far;

  /**
   * Draws the card for a zoom at which its normal text would be too small to read: from step 1 on,
   * only the name (and the tests' badge), in a larger type that wraps onto a second line; step 0 is
   * the normal card. Only a change of step costs a new layout of the card.
   */
  void setFar(int step) {
    if (step == far) {
      return;
    }
    far = step;
    pseudoClassStateChanged(FAR, step >= 1);
    pseudoClassStateChanged(FARTHER, step >= 2);
    boolean near = step == 0;
    bottom.setVisible(near);
    bottom.setManaged(near);
    icon.setVisible(near);
    icon.setManaged(near);
    double width = near ? ProjectViewModel.NODE_WIDTH - 40 : ProjectViewModel.NODE_WIDTH - 16;
    name.setMaxWidth(width);
    name.setText(
        near ? title : twoLines(title, step >= 2 ? 23 : 19, width - (tests == null ? 0 : 40)));
  }

  /**
   * A name as it is drawn in a large type: on one line if it fits, else broken in two at the
   * underscore (or dot, or hyphen) nearest its middle, since names have no spaces to wrap at.
   */
  static String twoLines(String name, double fontSize, double width) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(name);
    t.setFont(
        javafx.scene.text.Font.font(
            javafx.scene.text.Font.getDefault().getFamily(),
            javafx.scene.text.FontWeight.BOLD,
            fontSize));
    if (t.getLayoutBounds().getWidth() <= width) {
      return name;
    }
    int best = -1;
    for (int i = 1; i < name.length() - 1; i++) {
      char c = name.charAt(i);
      if ((c == '_' || c == '.' || c == '-')
          && (best < 0 || Math.abs(i - name.length() / 2) < Math.abs(best - name.length() / 2))) {
        best = i;
      }
    }
    return best < 0 ? name : name.substring(0, best + 1) + "\n" + name.substring(best + 1);
  }

  private static final javafx.css.PseudoClass FAR = javafx.css.PseudoClass.getPseudoClass("far");
  private static final javafx.css.PseudoClass FARTHER =
      javafx.css.PseudoClass.getPseudoClass("farther");

  private static javafx.scene.control.Tooltip portTip;

  /** One tooltip for every card's port: a tooltip is a window of its own, costly per card. */
  private static javafx.scene.control.Tooltip portTip() {
    if (portTip == null) {
      portTip = new javafx.scene.control.Tooltip("Drag onto a model to make it read this");
    }
    return portTip;
  }

  /** The output port: drag from it to a model to draw an edge. */
  javafx.scene.shape.Circle port() {
    return port;
  }

  public String nodeId() {
    return nodeId;
  }

  public void showRun(NodeRunState state, NodeResult result) {
    getStyleClass().removeIf(s -> s.startsWith("card-run-"));
    if (state != NodeRunState.IDLE) {
      getStyleClass().add("card-" + state.styleClass());
    }
    if (badge == null) {
      if (state == NodeRunState.IDLE) {
        return;
      }
      badge = new RunBadge();
      bottom.getChildren().add(badge);
    }
    badge.show(state, result);
  }

  /**
   * Shows these tests (drawn on this card instead of as cards of their own) as a badge with their
   * pass, warn and fail counts; none hides it.
   *
   * @param pick what choosing a test in the badge's list does with its node id
   */
  void showTests(
      java.util.List<String> ids,
      java.util.function.Function<String, NodeRunState> state,
      java.util.function.Consumer<String> pick) {
    if (tests == null) {
      if (ids.isEmpty()) {
        return;
      }
      tests = new TestBadge(nodeId, pick);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox.setHgrow(name, Priority.SOMETIMES);
      name.setMinWidth(0);
      top.getChildren().addAll(gap, tests);
    }
    tests.show(ids, state);
  }

  /** The tests' badge, or null when this card never had tests on it. */
  TestBadge tests() {
    return tests;
  }

  public void showScore(dev.sluice.core.quality.Scorecard.TableScore s) {
    if (score == null) {
      if (s == null) {
        return;
      }
      score = new dev.sluice.app.quality.ScoreBadge();
      bottom.getChildren().add(2, score); // after the gap, before the run badge
    }
    score.show(s);
  }

  public void setStale(boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("stale"), on);
    detail.setText(on ? detailText + " · stale" : detailText);
    if (on) {
      javafx.scene.control.Tooltip.install(
          this,
          new javafx.scene.control.Tooltip(
              "Stale: changed (or upstream changed) since its last successful build"));
    }
  }

  public void setSelected(boolean on) {
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), on);
  }

  /** Marks the card's part in a column's lineage and names its columns there; null clears it. */
  public void setLineage(
      dev.sluice.app.lineage.LineageViewModel.Role role, java.util.List<String> cols) {
    for (dev.sluice.app.lineage.LineageViewModel.Role r :
        dev.sluice.app.lineage.LineageViewModel.Role.values()) {
      pseudoClassStateChanged(
          javafx.css.PseudoClass.getPseudoClass(
              "lineage-" + r.name().toLowerCase(java.util.Locale.ROOT)),
          r == role);
    }
    detail.setText(
        role == null || cols == null || cols.isEmpty() ? detailText : String.join(", ", cols));
  }

  public void setDimmed(boolean on) {
    setOpacity(on ? 0.3 : 1);
  }
}

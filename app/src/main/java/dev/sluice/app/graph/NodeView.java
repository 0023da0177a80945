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
  private final RunBadge badge = new RunBadge();
  private final dev.sluice.app.quality.ScoreBadge score = new dev.sluice.app.quality.ScoreBadge();
  private final Label detail;
  private final javafx.scene.shape.Circle port = new javafx.scene.shape.Circle(4.5);
  private final String detailText;

  public NodeView(Node node) {
    this.nodeId = node.uniqueId();
    getStyleClass().addAll("node-card", NodeStyle.styleClass(node.kind()));
    setId("node-" + nodeId);
    setPrefSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    setMinSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    setMaxSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    FontIcon icon = new FontIcon(NodeStyle.icon(node.kind()));
    icon.getStyleClass().add("node-icon");
    Label name = new Label(NodeStyle.title(node));
    name.getStyleClass().add("node-name");
    name.setMaxWidth(ProjectViewModel.NODE_WIDTH - 40);
    HBox top = new HBox(6, icon, name);
    top.setAlignment(Pos.CENTER_LEFT);
    detailText = NodeStyle.detail(node);
    detail = new Label(detailText);
    detail.getStyleClass().add("node-detail");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bottom = new HBox(4, detail, gap, score, badge);
    bottom.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(top, bottom);
    setSpacing(4);
    port.getStyleClass().add("node-port");
    port.setManaged(false);
    port.setLayoutX(ProjectViewModel.NODE_WIDTH);
    port.setLayoutY(ProjectViewModel.NODE_HEIGHT / 2);
    port.setCursor(javafx.scene.Cursor.CROSSHAIR);
    javafx.scene.control.Tooltip.install(
        port, new javafx.scene.control.Tooltip("Drag onto a model to make it read this"));
    getChildren().add(port);
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
    badge.show(state, result);
  }

  public void showScore(dev.sluice.core.quality.Scorecard.TableScore s) {
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

package dev.sluice.app.graph;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.ProjectViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A collapsed folder on the graph: one card with the folder's name and how many nodes it holds. */
final class GroupView extends VBox {
  private final FolderGroups.Group group;

  GroupView(FolderGroups.Group group) {
    this.group = group;
    getStyleClass().addAll("node-card", "group-card");
    GraphIds.name(this, "group-" + group.folder()); // not a CSS id: see GraphIds
    setPrefSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    setMinSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    setMaxSize(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
    FontIcon icon = new FontIcon("mdi2f-folder-outline");
    icon.getStyleClass().add("node-icon");
    Label name = new Label(group.folder().isEmpty() ? "(project root)" : group.folder());
    name.getStyleClass().add("node-name");
    name.setMaxWidth(ProjectViewModel.NODE_WIDTH - 40);
    HBox top = new HBox(6, icon, name);
    top.setAlignment(Pos.CENTER_LEFT);
    int n = group.members().size();
    Label count = new Label(n + (n == 1 ? " node" : " nodes") + " · collapsed");
    count.getStyleClass().add("node-detail");
    javafx.scene.control.Tooltip.install(
        this,
        new javafx.scene.control.Tooltip(
            "A collapsed folder: double-click or right-click to expand it"));
    getChildren().addAll(top, count);
    setSpacing(4);
  }

  String folder() {
    return group.folder();
  }

  void setDimmed(boolean on) {
    setOpacity(on ? 0.3 : 1);
  }
}

package dev.sluice.app.graph;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.ProjectViewModel;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The graph's own items of a card's context menu: collapse or expand a folder. The commands above
 * them (open, preview, run, rename, delete) come from the window's command table through {@link
 * GraphCommands}.
 */
final class CardMenu {
  private CardMenu() {}

  /**
   * Collapse the node's folder into one group card, after a separator; none for an unknown node.
   */
  static List<MenuItem> folder(String id, ProjectViewModel project) {
    dev.sluice.core.project.Node node = project.node(id);
    if (node == null) {
      return List.of();
    }
    String folder = FolderGroups.folderOf(node);
    MenuItem collapse =
        new MenuItem("Collapse Folder " + (folder.isEmpty() ? "(project root)" : folder));
    collapse.setId("collapse-folder");
    collapse.setOnAction(a -> project.collapse(folder));
    return List.of(new SeparatorMenuItem(), collapse);
  }

  static MenuItem expand(String folder, ProjectViewModel project) {
    MenuItem expand =
        new MenuItem("Expand Folder " + (folder.isEmpty() ? "(project root)" : folder));
    expand.setId("expand-folder");
    expand.setOnAction(a -> project.expand(folder));
    return expand;
  }
}

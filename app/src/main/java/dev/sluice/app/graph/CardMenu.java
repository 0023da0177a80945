package dev.sluice.app.graph;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.app.runs.RunMenu;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.app.runs.RunViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The context menus of the graph's cards: run, rename, delete, and collapse or expand a folder. */
final class CardMenu {
  private CardMenu() {}

  static List<MenuItem> forNode(
      String id,
      ProjectViewModel project,
      RunViewModel runs,
      Consumer<RunRequest> startRun,
      GraphEditing editing,
      Runnable rename,
      Runnable delete) {
    List<MenuItem> items =
        new ArrayList<>(RunMenu.forNode(id, runs.runningProperty().get(), startRun));
    if (editing != null) {
      MenuItem renameItem = new MenuItem("Rename… (F2)");
      renameItem.setOnAction(a -> rename.run());
      int n = project.selection().ids().size();
      MenuItem deleteItem =
          new MenuItem(n > 1 ? "Delete " + n + " Selected (Del)" : "Delete (Del)");
      deleteItem.setOnAction(a -> delete.run());
      items.add(renameItem);
      items.add(deleteItem);
    }
    dev.sluice.core.project.Node node = project.node(id);
    if (node != null) {
      String folder = FolderGroups.folderOf(node);
      MenuItem collapse =
          new MenuItem("Collapse Folder " + (folder.isEmpty() ? "(project root)" : folder));
      collapse.setId("collapse-folder");
      collapse.setOnAction(a -> project.collapse(folder));
      items.add(new SeparatorMenuItem());
      items.add(collapse);
    }
    return items;
  }

  static MenuItem expand(String folder, ProjectViewModel project) {
    MenuItem expand =
        new MenuItem("Expand Folder " + (folder.isEmpty() ? "(project root)" : folder));
    expand.setId("expand-folder");
    expand.setOnAction(a -> project.expand(folder));
    return expand;
  }
}

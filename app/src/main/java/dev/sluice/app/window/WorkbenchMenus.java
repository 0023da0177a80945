package dev.sluice.app.window;

import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.runs.RunRequest;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The menu bar, every item with its keyboard shortcut. */
final class WorkbenchMenus {
  private WorkbenchMenus() {}

  static MenuBar build(
      Workbench w,
      Window window,
      RecentProjects recent,
      Consumer<Path> open,
      Consumer<Boolean> darkTheme,
      Runnable quit) {
    MenuItem openItem =
        item(
            "Open Project…",
            "Shortcut+O",
            () -> {
              DirectoryChooser chooser = new DirectoryChooser();
              chooser.setTitle("Open a Sluice or dbt project folder");
              File dir = chooser.showDialog(window);
              if (dir != null) {
                open.accept(dir.toPath());
              }
            });
    Menu recentMenu = new Menu("Open Recent");
    recentMenu.setOnShowing(
        e -> {
          recentMenu.getItems().clear();
          for (Path p : recent.list()) {
            recentMenu.getItems().add(item(p.toString(), null, () -> open.accept(p)));
          }
          if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recentMenu.getItems().add(none);
          }
        });
    recentMenu.getItems().add(new MenuItem("…"));
    Menu file =
        new Menu(
            "File",
            null,
            openItem,
            recentMenu,
            item("Reload", "F5", w.project::reload),
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", quit));

    MenuItem undo = item("Undo", "Shortcut+Z", w.editing::undo);
    undo.disableProperty().bind(w.editing.stack().canUndoProperty().not());
    MenuItem redo = item("Redo", "Shortcut+Shift+Z", w.editing::redo);
    redo.disableProperty().bind(w.editing.stack().canRedoProperty().not());
    Menu edit =
        new Menu(
            "Edit",
            null,
            undo,
            redo,
            new SeparatorMenuItem(),
            item(
                "New Model", "Shortcut+N", () -> w.editing.create(GraphEditing.Kind.MODEL, 40, 40)),
            item("Rename Model…", "F2", w.graph::renameSelected),
            item("Delete Selected", null, w.graph::deleteSelected));
    CheckMenuItem dark = new CheckMenuItem("Dark Theme");
    dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
    dark.selectedProperty().addListener((o, was, on) -> darkTheme.accept(on));
    Menu view =
        new Menu(
            "View",
            null,
            item("Find Node…", "Shortcut+F", w::focusFind),
            item("Fit to Window", "Shortcut+0", w.graph::fit),
            item("Zoom In", "Shortcut+EQUALS", () -> w.graph.zoom(1.2)),
            item("Zoom Out", "Shortcut+MINUS", () -> w.graph.zoom(1 / 1.2)),
            item("Lay Out Again", "Shortcut+L", w.project::relayout),
            new SeparatorMenuItem(),
            dark);

    Menu run =
        new Menu(
            "Run",
            null,
            item("Build All", "Shortcut+B", () -> w.run(RunRequest.everything())),
            item("Run Selected", "Shortcut+R", () -> selected(w, RunRequest::node)),
            item(
                "Run Selected with Upstream",
                "Shortcut+Shift+U",
                () -> selected(w, RunRequest::withUpstream)),
            item(
                "Run Selected with Downstream",
                "Shortcut+Shift+R",
                () -> selected(w, RunRequest::withDownstream)),
            item("Test Selected", "Shortcut+T", () -> selected(w, RunRequest::test)),
            new SeparatorMenuItem(),
            item("Cancel Run", "Shortcut+PERIOD", w.runService::cancel));
    Menu data =
        new Menu(
            "Data",
            null,
            item("New Query", "Shortcut+Shift+N", w.sql::newQuery),
            item(
                "Open SQL Editor",
                "Shortcut+E",
                () -> w.openEditor(w.project.selectedProperty().get())),
            item(
                "Preview Data",
                "Shortcut+Shift+V",
                () -> w.preview(w.project.selectedProperty().get())),
            item(
                "Profile Columns",
                "Shortcut+Shift+P",
                () -> {
                  var editor = w.sql.selectedEditor();
                  if (editor != null) {
                    editor.profile();
                  } else {
                    w.profile(w.project.selectedProperty().get());
                  }
                }),
            item("Check All SQL", "Shortcut+Shift+K", w.sql::checkAll),
            new SeparatorMenuItem(),
            item("Close Tab", "Shortcut+W", w.sql::closeSelected));
    return new MenuBar(file, edit, view, run, data);
  }

  private static void selected(Workbench w, java.util.function.Function<String, RunRequest> kind) {
    String id = w.project.selectedProperty().get();
    if (id != null) {
      w.run(kind.apply(id));
    }
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem i = new MenuItem(text);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    i.setOnAction(e -> action.run());
    return i;
  }
}

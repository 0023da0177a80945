package dev.sluice.app.window;

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

/**
 * The menu bar: the window's own items (new project, open, recent, quit, theme) and the rest drawn
 * from {@link WorkbenchCommands}.
 */
final class WorkbenchMenus {
  private WorkbenchMenus() {}

  static MenuBar build(
      Workbench w,
      Window window,
      RecentProjects recent,
      Consumer<Path> open,
      Consumer<Path> create,
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
              // the desktop's dialog leaves the window without the keyboard focus it thinks it has
              window.requestFocus();
              if (dir != null) {
                open.accept(dir.toPath());
              }
            });
    MenuItem newItem =
        item(
            "New Project…",
            null,
            () -> {
              DirectoryChooser chooser = new DirectoryChooser();
              chooser.setTitle("Choose a folder for the new project (an empty one, or a new one)");
              File dir = chooser.showDialog(window);
              window.requestFocus();
              if (dir != null) {
                create.accept(dir.toPath());
              }
            });
    newItem.setId("menu-new-project");
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
    WorkbenchCommands c = w.commands;
    Menu file =
        new Menu(
            "File",
            null,
            newItem,
            openItem,
            recentMenu,
            c.menuItem("reload"),
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", quit));
    Menu edit =
        new Menu(
            "Edit",
            null,
            c.menuItem("undo"),
            c.menuItem("redo"),
            new SeparatorMenuItem(),
            c.menuItem("new-model"),
            c.menuItem("rename"),
            c.menuItem("delete"));
    CheckMenuItem dark = new CheckMenuItem("Dark Theme");
    dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
    dark.selectedProperty().addListener((o, was, on) -> darkTheme.accept(on));
    Menu view =
        new Menu(
            "View",
            null,
            c.menuItem("find"),
            c.menuItem("fit"),
            c.menuItem("zoom-in"),
            c.menuItem("zoom-out"),
            c.menuItem("relayout"),
            c.checkItem("tests-on-models", w.project.testsOnModels()),
            new SeparatorMenuItem(),
            c.menuItem("toggle-explorer"),
            c.menuItem("toggle-inspector"),
            c.menuItem("toggle-bottom"),
            new SeparatorMenuItem(),
            c.menuItem("show-explorer"),
            c.menuItem("show-warehouse"),
            c.menuItem("node-history"),
            new SeparatorMenuItem(),
            dark);
    Menu run =
        new Menu(
            "Run",
            null,
            c.menuItem("build-all"),
            c.menuItem("run-selected"),
            c.menuItem("run-upstream"),
            c.menuItem("run-downstream"),
            c.menuItem("test-selected"),
            c.menuItem("retry-failed"),
            new SeparatorMenuItem(),
            c.menuItem("cancel-run"));
    Menu data =
        new Menu(
            "Data",
            null,
            c.menuItem("new-query"),
            c.menuItem("open-sql"),
            c.menuItem("preview"),
            c.menuItem("profile"),
            c.menuItem("explain"),
            c.menuItem("check-all"),
            new SeparatorMenuItem(),
            c.menuItem("open-file"),
            c.menuItem("go-to-definition"),
            c.menuItem("find-usages"),
            new SeparatorMenuItem(),
            c.menuItem("close-tab"));
    return new MenuBar(file, edit, view, run, data);
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

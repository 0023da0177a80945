package dev.sluice.app.window;

import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.runs.RunRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The window's command table: every command of the menu bar, the toolbar and the cards' context
 * menus, each spelled out once. Look one up by its name with {@link #get}.
 */
final class WorkbenchCommands {
  private final Map<String, Command> table = new LinkedHashMap<>();
  private final Workbench w;

  WorkbenchCommands(Workbench w) {
    this.w = w;
    ObservableBooleanValue running = w.runs.runningProperty();
    // File
    add(new Command("reload", "Reload", "F5", null, "mdi2r-refresh", any(w.project::reload), null));
    // Edit
    add(
        new Command(
            "undo",
            "Undo",
            "Shortcut+Z",
            null,
            null,
            any(w.editing::undo),
            w.editing.stack().canUndoProperty().not()));
    add(
        new Command(
            "redo",
            "Redo",
            "Shortcut+Shift+Z",
            null,
            null,
            any(w.editing::redo),
            w.editing.stack().canRedoProperty().not()));
    add(
        new Command(
            "new-model",
            "New Model",
            "Shortcut+N",
            null,
            null,
            any(() -> w.editing.create(GraphEditing.Kind.MODEL, 40, 40)),
            null));
    add(
        new Command(
            "rename", "Rename Model…", "F2", null, null, any(w.graph::renameSelected), null));
    add(
        new Command(
            "delete", "Delete Selected", null, null, null, any(w.graph::deleteSelected), null));
    // View
    add(new Command("find", "Find Node…", "Shortcut+F", null, null, any(w::focusFind), null));
    add(
        new Command(
            "fit",
            "Fit to Window",
            "Shortcut+0",
            null,
            "mdi2f-fit-to-page-outline",
            any(w.graph::fit),
            null));
    add(
        new Command(
            "zoom-in",
            "Zoom In",
            "Shortcut+EQUALS",
            null,
            null,
            any(() -> w.graph.zoom(1.2)),
            null));
    add(
        new Command(
            "zoom-out",
            "Zoom Out",
            "Shortcut+MINUS",
            null,
            null,
            any(() -> w.graph.zoom(1 / 1.2)),
            null));
    add(
        new Command(
            "relayout",
            "Lay Out Again",
            "Shortcut+L",
            null,
            "mdi2s-sitemap-outline",
            any(w.project::relayout),
            null));
    add(
        new Command(
            "show-explorer",
            "Project Explorer",
            "Alt+1",
            null,
            null,
            any(() -> w.showSide(0)),
            null));
    add(
        new Command(
            "show-warehouse",
            "Warehouse Browser",
            "Alt+2",
            null,
            null,
            any(() -> w.showSide(1)),
            null));
    add(
        new Command(
            "node-history",
            "Node History",
            "Shortcut+Shift+H",
            null,
            null,
            any(w::showAssetHistory),
            null));
    // Run
    add(
        new Command(
            "build-all",
            "Build All",
            "Shortcut+B",
            null,
            "mdi2p-play",
            any(() -> w.run(RunRequest.everything())),
            w.runs.runningProperty().or(w.project.manifestProperty().isNull())));
    add(
        new Command(
            "run-selected", "Run Selected", "Shortcut+R", null, null, run(RunRequest::node), null));
    add(
        new Command(
            "run-upstream",
            "Run Selected with Upstream",
            "Shortcut+Shift+U",
            null,
            null,
            run(RunRequest::withUpstream),
            null));
    add(
        new Command(
            "run-downstream",
            "Run Selected with Downstream",
            "Shortcut+Shift+R",
            null,
            null,
            run(RunRequest::withDownstream),
            null));
    add(
        new Command(
            "test-selected",
            "Test Selected",
            "Shortcut+T",
            null,
            null,
            run(RunRequest::test),
            null));
    add(
        new Command(
            "cancel-run",
            "Cancel Run",
            "Shortcut+PERIOD",
            null,
            "mdi2s-stop",
            any(w.runService::cancel),
            javafx.beans.binding.Bindings.not(running)));
    // Data
    add(
        new Command(
            "new-query", "New Query", "Shortcut+Shift+N", null, null, any(w.sql::newQuery), null));
    add(
        new Command(
            "open-sql", "Open SQL Editor", "Shortcut+E", "Enter", null, w::openEditor, null));
    add(
        new Command(
            "preview", "Preview Data", "Shortcut+Shift+V", "Space", null, w::preview, null));
    add(
        new Command(
            "profile",
            "Profile Columns",
            "Shortcut+Shift+P",
            null,
            null,
            id -> {
              var editor = w.sql.selectedEditor();
              if (editor != null) {
                editor.profile();
              } else {
                w.profile(id);
              }
            },
            null));
    add(
        new Command(
            "check-all",
            "Check All SQL",
            "Shortcut+Shift+K",
            null,
            null,
            any(w.sql::checkAll),
            null));
    add(
        new Command(
            "open-file",
            "Open Project File…",
            "Shortcut+Shift+O",
            null,
            null,
            any(w::chooseProjectFile),
            w.project.manifestProperty().isNull()));
    add(
        new Command(
            "go-to-definition",
            "Go to Definition",
            "F12",
            null,
            null,
            w.sql::goToDefinitionOrNode,
            null));
    add(new Command("find-usages", "Find Usages", "Shift+F12", null, null, w::findUsages, null));
    add(
        new Command(
            "close-tab", "Close Tab", "Shortcut+W", null, null, any(w.sql::closeSelected), null));
  }

  /** The command named {@code id}; a name not in the table is a programming error. */
  Command get(String id) {
    Command c = table.get(id);
    if (c == null) {
      throw new IllegalArgumentException("no command " + id);
    }
    return c;
  }

  /** The menu-bar item of a command: it acts on the selected node. */
  javafx.scene.control.MenuItem menuItem(String id) {
    return get(id).menuItem(w.project.selectedProperty()::get);
  }

  /** The toolbar button of a command. */
  javafx.scene.control.Button button(String id) {
    return get(id).button(w.project.selectedProperty()::get);
  }

  private void add(Command c) {
    table.put(c.id(), c);
  }

  /** A command about no node. */
  private static Consumer<String> any(Runnable r) {
    return id -> r.run();
  }

  /** A run of the given node, when there is one. */
  private Consumer<String> run(Function<String, RunRequest> kind) {
    return id -> {
      if (id != null) {
        w.run(kind.apply(id));
      }
    };
  }
}

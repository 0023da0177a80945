package dev.sluice.app.window;

import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.runs.RunRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The window's command table: every command of the menu bar, the toolbar, the cards' context menus
 * and the graph's keys, each spelled out once. Look one up by its name with {@link #get}.
 */
final class WorkbenchCommands implements dev.sluice.app.graph.GraphCommands {
  /** The commands of a card's context menu, in order; null stands for a separator. */
  static final java.util.List<String> CARD =
      java.util.Arrays.asList(
          "open-sql",
          "preview",
          "profile",
          "explain",
          null,
          "run-selected",
          "run-upstream",
          "run-downstream",
          "test-selected",
          null,
          "rename",
          "delete");

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
        new Command("rename", "Rename Model…", "F2", "F2", null, any(w.graph::renameSelected), null)
            .onCard("Rename…"));
    add(
        new Command(
                "delete",
                "Delete Selected",
                null,
                "Delete, Backspace",
                null,
                any(w.graph::deleteSelected),
                null)
            .onCard(
                id -> {
                  int n = w.project.selection().ids().size();
                  return n > 1 ? "Delete " + n + " Selected" : "Delete";
                }));
    // the graph's own keys
    add(
        new Command(
            "select-all", "Select All", null, "Shortcut+A", null, any(w.graph::selectAll), null));
    add(
        new Command(
            "clear-selection",
            "Clear Selection",
            null,
            "Esc",
            null,
            any(w.graph::clearSelection),
            null));
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
            "tests-on-models",
            "Tests on Their Models",
            "Shortcut+Shift+T",
            null,
            null,
            any(() -> w.project.setTestsOnModels(!w.project.testsOnModels().get())),
            null));
    // Alt+digit, not Ctrl+Alt+digit: Ctrl+Alt is AltGr on many keyboards and types into text boxes
    add(
        new Command(
            "toggle-explorer",
            "Show or Hide the Explorer",
            "Alt+1",
            null,
            null,
            any(() -> w.panels.toggle(PanelToggles.Panel.EXPLORER)),
            null));
    add(
        new Command(
            "toggle-inspector",
            "Show or Hide the Inspector",
            "Alt+2",
            null,
            null,
            any(() -> w.panels.toggle(PanelToggles.Panel.INSPECTOR)),
            null));
    add(
        new Command(
            "toggle-bottom",
            "Show or Hide the Run Panel",
            "Alt+3",
            null,
            null,
            any(() -> w.panels.toggle(PanelToggles.Panel.BOTTOM)),
            null));
    add(
        new Command(
            "show-explorer",
            "Project Explorer",
            "Shortcut+Shift+E",
            null,
            null,
            any(() -> w.showSide(0)),
            null));
    add(
        new Command(
            "show-warehouse",
            "Warehouse Browser",
            "Shortcut+Shift+W",
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
                "run-selected",
                "Run Selected",
                "Shortcut+R",
                null,
                null,
                run(RunRequest::node),
                running)
            .onCard("Run"));
    add(
        new Command(
                "run-upstream",
                "Run Selected with Upstream",
                "Shortcut+Shift+U",
                null,
                null,
                run(RunRequest::withUpstream),
                running)
            .onCard("Run with upstream"));
    add(
        new Command(
                "run-downstream",
                "Run Selected with Downstream",
                "Shortcut+Shift+R",
                null,
                null,
                run(RunRequest::withDownstream),
                running)
            .onCard("Run with downstream"));
    add(
        new Command(
            "retry-failed",
            "Retry from Failed",
            "Shortcut+Shift+F5",
            null,
            "mdi2r-replay",
            any(
                () -> {
                  if (!failed().isEmpty()) {
                    w.run(RunRequest.retryFrom(failed()));
                  }
                }),
            running));
    add(
        new Command(
                "test-selected",
                "Test Selected",
                "Shortcut+T",
                null,
                null,
                run(RunRequest::test),
                running)
            .onCard("Test"));
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
        new Command("open-sql", "Open SQL Editor", "Shortcut+E", "Enter", null, w::openEditor, null)
            .aboutANode());
    add(
        new Command("preview", "Preview Data", "Shortcut+Shift+V", "Space", null, w::preview, null)
            .aboutANode());
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
                "explain",
                "Explain Plan",
                "Shortcut+Shift+X",
                null,
                null,
                w::explain,
                w.project.manifestProperty().isNull())
            .onCard("Explain Plan"));
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

  @Override
  public java.util.List<javafx.scene.control.MenuItem> forCard(String nodeId) {
    java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
    for (String id : CARD) {
      items.add(
          id == null ? new javafx.scene.control.SeparatorMenuItem() : get(id).contextItem(nodeId));
    }
    return items;
  }

  @Override
  public boolean onKey(javafx.scene.input.KeyEvent e, String selected) {
    for (Command c : table.values()) {
      if (c.isGraphKey(e) && c.enabled() && (selected != null || !c.needsNode())) {
        c.action().accept(selected);
        return true;
      }
    }
    return false;
  }

  /** Every command, in the order of the table. */
  java.util.Collection<Command> all() {
    return java.util.Collections.unmodifiableCollection(table.values());
  }

  /** The menu-bar item of a command: it acts on the selected node. */
  javafx.scene.control.MenuItem menuItem(String id) {
    return get(id).menuItem(w.project.selectedProperty()::get);
  }

  /**
   * The menu-bar item of a command that turns something on and off: ticked while {@code on} holds.
   */
  javafx.scene.control.CheckMenuItem checkItem(String id, ObservableBooleanValue on) {
    Command c = get(id);
    javafx.scene.control.CheckMenuItem i = new javafx.scene.control.CheckMenuItem(c.label());
    i.setId("menu-" + id);
    if (c.accelerator() != null) {
      i.setAccelerator(javafx.scene.input.KeyCombination.keyCombination(c.accelerator()));
    }
    i.setSelected(on.get());
    on.addListener((o, was, now) -> i.setSelected(now));
    i.setOnAction(
        e -> {
          c.action().accept(w.project.selectedProperty().get());
          i.setSelected(on.get()); // the tick follows the state, whatever the click did to it
        });
    return i;
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

  /**
   * A run of the given node, when there is one; with upstream or downstream, of every selected node
   * when the node is one of several selected.
   */
  private Consumer<String> run(Function<String, RunRequest> kind) {
    return id -> {
      if (id == null) {
        return;
      }
      var selected = w.project.selection().ids();
      RunRequest one = kind.apply(id);
      if (selected.size() > 1
          && selected.contains(id)
          && one.command() == dev.sluice.core.plan.Command.BUILD) {
        boolean up = one.select().startsWith("+");
        boolean down = one.select().endsWith("+");
        w.run(RunRequest.nodes(java.util.List.copyOf(selected), up, down));
      } else {
        w.run(one);
      }
    };
  }

  /** The nodes that failed in the run shown. */
  private java.util.List<String> failed() {
    return w.runs.states().entrySet().stream()
        .filter(e -> e.getValue() == dev.sluice.app.runs.NodeRunState.FAILED)
        .map(java.util.Map.Entry::getKey)
        .toList();
  }
}

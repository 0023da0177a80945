package dev.sluice.app.graph;

import dev.sluice.app.project.ProjectViewModel;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/**
 * Makes the graph's edges and keeps the one selected edge: a click selects it (and no node), its
 * context menu removes it. Edges to a collapsed folder stand for several and cannot be removed
 * until it is expanded.
 */
final class EdgeSelection {
  private final ProjectViewModel project;
  private final Runnable focus;
  private final Predicate<String> isGroup;
  private BiConsumer<String, String> disconnect;
  private EdgeView selected;
  private java.util.function.Consumer<EdgeView> onSelect = e -> {};

  EdgeSelection(ProjectViewModel project, Runnable focus, Predicate<String> isGroup) {
    this.project = project;
    this.focus = focus;
    this.isGroup = isGroup;
  }

  /** Turns on removing edges. */
  void onDisconnect(BiConsumer<String, String> disconnect) {
    this.disconnect = disconnect;
  }

  EdgeView edge(String from, String to) {
    EdgeView e = new EdgeView(from, to);
    e.setOnMouseClicked(
        ev -> {
          select(e);
          focus.run();
          ev.consume();
        });
    e.setOnContextMenuRequested(
        ev -> {
          select(e);
          if (disconnect != null && !isGroup.test(from) && !isGroup.test(to)) {
            MenuItem remove = new MenuItem("Remove Edge");
            remove.setOnAction(a -> disconnect.accept(e.from, e.to));
            PipelineView.showOver(new ContextMenu(remove), e, ev);
          }
          ev.consume();
        });
    return e;
  }

  /** Told of each edge selected (the graph then draws it by its own view). */
  void onSelect(java.util.function.Consumer<EdgeView> r) {
    onSelect = r;
  }

  void select(EdgeView e) {
    if (selected != null) {
      selected.setSelected(false);
    }
    selected = e;
    if (e != null) {
      onSelect.accept(e);
      e.setSelected(true);
      project.selection().clear();
    }
  }

  /** The selected edge, or null. */
  EdgeView selected() {
    return selected;
  }

  /** Forgets the selected edge without touching it (its view is gone). */
  void forget() {
    selected = null;
  }
}

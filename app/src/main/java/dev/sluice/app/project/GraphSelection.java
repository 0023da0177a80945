package dev.sluice.app.project;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The nodes selected on the graph. One of them is the primary selection, the one the inspector, the
 * run panel and the explorer follow; selecting a single node from elsewhere (the explorer, find)
 * sets the primary, and the set follows it.
 */
public final class GraphSelection {
  private final ObservableSet<String> ids = FXCollections.observableSet(new LinkedHashSet<>());

  /** One read-only view, kept: a listener on a throwaway wrapper would be dropped with it. */
  private final ObservableSet<String> view = FXCollections.unmodifiableObservableSet(ids);

  private final ObjectProperty<String> primary;
  private final Supplier<Set<String>> selectable;

  /**
   * @param primary the single selection others follow
   * @param selectable the node ids that can be selected now (drawn as cards of their own)
   */
  GraphSelection(ObjectProperty<String> primary, Supplier<Set<String>> selectable) {
    this.primary = primary;
    this.selectable = selectable;
    primary.addListener(
        (o, was, id) -> {
          if (id == null) {
            ids.clear();
          } else if (!ids.contains(id)) {
            ids.clear();
            ids.add(id);
          }
        });
  }

  /** The selected node ids, in the order they were picked. */
  public ObservableSet<String> ids() {
    return view;
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  /** Selects this node alone (a plain click). */
  public void only(String id) {
    ids.retainAll(id == null ? List.of() : List.of(id));
    if (id != null) {
      ids.add(id);
    }
    primary.set(id);
  }

  /** Adds the node to the selection, or takes it out if it was in (Ctrl-click). */
  public void toggle(String id) {
    if (ids.remove(id)) {
      if (id.equals(primary.get())) {
        primary.set(ids.isEmpty() ? null : ids.iterator().next());
      }
    } else {
      ids.add(id);
      primary.set(id);
    }
  }

  /** Selects these nodes (a rubber band), replacing the selection or adding to it. */
  public void select(Collection<String> picked, boolean add) {
    Set<String> allowed = selectable.get();
    Set<String> next = new LinkedHashSet<>(add ? ids : Set.of());
    picked.stream().filter(allowed::contains).forEach(next::add);
    ids.retainAll(next);
    ids.addAll(next);
    if (!ids.contains(primary.get())) {
      primary.set(ids.isEmpty() ? null : ids.iterator().next());
    }
  }

  /** Selects every node drawn on its own (Ctrl+A). */
  public void all() {
    select(selectable.get(), true);
  }

  /** Selects nothing (Escape). */
  public void clear() {
    ids.clear();
    primary.set(null);
  }

  /** Drops the nodes that are gone or hidden (a reload, a collapsed folder). */
  void keepOnly(Set<String> present) {
    ids.retainAll(present);
    if (primary.get() != null && !present.contains(primary.get())) {
      primary.set(ids.isEmpty() ? null : ids.iterator().next());
    }
  }
}

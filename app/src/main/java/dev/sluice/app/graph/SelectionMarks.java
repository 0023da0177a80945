package dev.sluice.app.graph;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.parse.Manifest;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Marks the selection on the cards. One selected node lights up with everything upstream and
 * downstream of it and the rest dims; several selected are marked and nothing dims. A group card is
 * lit when any node in it is.
 */
final class SelectionMarks {
  private final ProjectViewModel project;
  private final LazyCards cards;
  private final Supplier<FolderGroups.Shown> groups;

  SelectionMarks(ProjectViewModel project, LazyCards cards, Supplier<FolderGroups.Shown> groups) {
    this.project = project;
    this.cards = cards;
    this.groups = groups;
  }

  void show() {
    Manifest m = project.manifestProperty().get();
    String id = project.selectedProperty().get();
    Set<String> lit = new HashSet<>();
    if (id != null && m != null && m.dag().contains(id) && project.selection().ids().size() <= 1) {
      lit.add(id);
      lit.addAll(m.dag().upstream(id));
      lit.addAll(m.dag().downstream(id));
    }
    cards
        .cards()
        .forEach(
            (item, card) -> {
              if (card instanceof NodeView v) {
                v.setSelected(project.selection().contains(item));
                v.setDimmed(!lit.isEmpty() && !lit.contains(item));
              } else if (card instanceof GroupView g) {
                g.setDimmed(!lit.isEmpty() && !isLit(item, lit));
              }
            });
    cards
        .edges()
        .forEach(e -> e.setDimmed(!lit.isEmpty() && !(isLit(e.from, lit) && isLit(e.to, lit))));
  }

  private boolean isLit(String item, Set<String> lit) {
    FolderGroups.Group g = groups.get().groups().get(item);
    return g == null ? lit.contains(item) : g.members().stream().anyMatch(lit::contains);
  }
}

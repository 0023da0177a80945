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

  /** Marks every card and edge made so far, for the selection as it is now. */
  void show() {
    Set<String> lit = lit();
    cards.cards().forEach((item, card) -> mark(item, card, lit));
    cards.edges().forEach(e -> mark(e, lit));
  }

  /** Marks cards and edges just made or put back on the plane. */
  void dress(
      java.util.Collection<javafx.scene.layout.Region> made, java.util.List<EdgeView> edges) {
    if (made.isEmpty() && edges.isEmpty()) {
      return;
    }
    Set<String> lit = lit();
    for (javafx.scene.layout.Region card : made) {
      String item =
          card instanceof NodeView v
              ? v.nodeId()
              : card instanceof GroupView g ? FolderGroups.groupId(g.folder()) : null;
      if (item != null) {
        mark(item, card, lit);
      }
    }
    edges.forEach(e -> mark(e, lit));
  }

  private void mark(String item, javafx.scene.layout.Region card, Set<String> lit) {
    if (card instanceof NodeView v) {
      v.setSelected(project.selection().contains(item));
      v.setDimmed(!lit.isEmpty() && !lit.contains(item));
    } else if (card instanceof GroupView g) {
      g.setDimmed(!lit.isEmpty() && !isLit(item, lit));
    }
  }

  /** Whether an edge between two items is dimmed by the selection as it is now. */
  boolean dimmed(String from, String to) {
    Set<String> lit = lit();
    return !lit.isEmpty() && !(isLit(from, lit) && isLit(to, lit));
  }

  private void mark(EdgeView e, Set<String> lit) {
    e.setDimmed(!lit.isEmpty() && !(isLit(e.from, lit) && isLit(e.to, lit)));
  }

  /** What a single selection lights up, kept until the selection or the graph changes. */
  private Set<String> lit;

  private Manifest litManifest;

  private String litId;
  private int litCount;

  private Set<String> lit() {
    Manifest m = project.manifestProperty().get();
    String id = project.selectedProperty().get();
    int count = project.selection().ids().size();
    if (lit != null
        && m == litManifest
        && java.util.Objects.equals(id, litId)
        && count == litCount) {
      return lit;
    }
    Set<String> out = new HashSet<>();
    if (id != null && m != null && m.dag().contains(id) && project.selection().ids().size() <= 1) {
      out.add(id);
      out.addAll(m.dag().upstream(id));
      out.addAll(m.dag().downstream(id));
    }
    lit = out;
    litManifest = m;
    litId = id;
    litCount = count;
    return out;
  }

  private boolean isLit(String item, Set<String> lit) {
    FolderGroups.Group g = groups.get().groups().get(item);
    return g == null ? lit.contains(item) : g.members().stream().anyMatch(lit::contains);
  }
}

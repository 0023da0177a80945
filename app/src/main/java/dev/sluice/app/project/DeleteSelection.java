package dev.sluice.app.project;

import dev.sluice.core.edit.EditRefusedException;
import dev.sluice.core.edit.FileChange;
import dev.sluice.core.edit.ProjectEdit;
import dev.sluice.core.edit.ProjectEdits;
import dev.sluice.core.parse.Dag;
import dev.sluice.core.parse.Manifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deleting several nodes as one undo step. Each node goes through the same core edit as a single
 * delete, so the same rules hold; a node read only by others being deleted with it may go too.
 * Nodes that may not go are listed with the reason, and the rest are deleted.
 */
record DeleteSelection(ProjectEdit edit, List<String> refused) {

  static DeleteSelection of(Manifest m, Collection<String> ids) {
    Set<String> going = new LinkedHashSet<>(ids);
    going.retainAll(m.dag().nodeIds());
    // the graph as it will be without the going nodes' reads: a reader that goes too does not hold
    // a node back
    Map<String, List<String>> reads = new LinkedHashMap<>();
    for (String id : m.dag().nodeIds()) {
      reads.put(id, going.contains(id) ? List.of() : new ArrayList<>(m.dag().parents(id)));
    }
    Manifest without = new Manifest(m.project(), new Dag(reads), m.parsed(), m.problems());
    List<FileChange> changes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String id : going) {
      try {
        ProjectEdit e = ProjectEdits.delete(without, id);
        changes.addAll(e.changes());
        names.add(id.substring(id.indexOf('.') + 1));
      } catch (EditRefusedException e) {
        refused.add(e.getMessage());
      }
    }
    ProjectEdit edit =
        changes.isEmpty()
            ? null
            : new ProjectEdit(
                "delete "
                    + (names.size() <= 3 ? String.join(", ", names) : names.size() + " nodes"),
                changes);
    return new DeleteSelection(edit, List.copyOf(refused));
  }

  /** The edit to apply; refused when nothing could be deleted. */
  ProjectEdit editOrRefuse() throws EditRefusedException {
    if (edit == null) {
      throw new EditRefusedException(refusals());
    }
    return edit;
  }

  /** Why some nodes stay, in one line. */
  String refusals() {
    return "Not deleted: " + String.join("; ", refused);
  }
}

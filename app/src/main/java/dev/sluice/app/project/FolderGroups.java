package dev.sluice.app.project;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The graph as drawn when some folders are collapsed: every node under a collapsed folder is folded
 * into one group card, and edges that touch the group are merged into one per outside neighbour. A
 * view concern only: the project's files never learn about it.
 */
public final class FolderGroups {
  /** Group ids start with this, so that they can never be mistaken for a node's unique id. */
  public static final String PREFIX = "folder:";

  private FolderGroups() {}

  /**
   * One collapsed folder on the graph: its id, folder, the nodes it holds, and its top-left corner.
   */
  public record Group(String id, String folder, List<String> members, GraphLayout.Point at) {}

  /**
   * What is drawn: item ids (node ids and group ids, in the graph's order), edges between items,
   * and the groups by id.
   */
  public record Shown(List<String> items, List<String[]> edges, Map<String, Group> groups) {
    public boolean isGroup(String id) {
      return groups.containsKey(id);
    }
  }

  public static String groupId(String folder) {
    return PREFIX + folder;
  }

  /** The folder of the file that declares a node, with forward slashes ("" at the project root). */
  public static String folderOf(Node n) {
    Path parent = n.file().getParent();
    return parent == null ? "" : parent.toString().replace('\\', '/');
  }

  /** The outermost collapsed folder that holds {@code folder}, or null. */
  public static String collapsedHolder(String folder, Collection<String> collapsed) {
    String best = null;
    for (String c : collapsed) {
      boolean holds = folder.equals(c) || c.isEmpty() || folder.startsWith(c + "/");
      if (holds && (best == null || c.length() < best.length())) {
        best = c;
      }
    }
    return best;
  }

  /** What to draw for {@code m} with these folders collapsed. */
  public static Shown shown(
      Manifest m, Set<String> collapsed, Function<String, GraphLayout.Point> position) {
    Map<String, String> itemOf = new LinkedHashMap<>();
    Map<String, List<String>> members = new LinkedHashMap<>();
    List<String> items = new ArrayList<>();
    for (String id : m.dag().nodeIds()) {
      String holder =
          collapsed.isEmpty()
              ? null
              : m.node(id).map(n -> collapsedHolder(folderOf(n), collapsed)).orElse(null);
      String item = holder == null ? id : groupId(holder);
      itemOf.put(id, item);
      if (holder != null) {
        members
            .computeIfAbsent(
                item,
                k -> {
                  items.add(k);
                  return new ArrayList<>();
                })
            .add(id);
      } else {
        items.add(id);
      }
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    members.forEach(
        (gid, ids) -> {
          double x = Double.MAX_VALUE;
          double y = Double.MAX_VALUE;
          for (String id : ids) {
            x = Math.min(x, position.apply(id).x());
            y = Math.min(y, position.apply(id).y());
          }
          groups.put(
              gid,
              new Group(
                  gid,
                  gid.substring(PREFIX.length()),
                  List.copyOf(ids),
                  new GraphLayout.Point(x, y)));
        });
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> edges = new ArrayList<>();
    for (String id : m.dag().nodeIds()) {
      for (String child : m.dag().children(id)) {
        String a = itemOf.get(id);
        String b = itemOf.get(child);
        if (!a.equals(b) && seen.add(a + "\n" + b)) {
          edges.add(new String[] {a, b});
        }
      }
    }
    return new Shown(List.copyOf(items), List.copyOf(edges), groups);
  }
}

package dev.sluice.app.project;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.UnitTest;
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
   * the groups by id, and the tests drawn as a badge on their model's card instead of as cards of
   * their own (by the model's node id, in the graph's order).
   */
  public record Shown(
      List<String> items,
      List<String[]> edges,
      Map<String, Group> groups,
      Map<String, List<String>> testsOn) {
    public Shown(List<String> items, List<String[]> edges, Map<String, Group> groups) {
      this(items, edges, groups, Map.of());
    }

    public boolean isGroup(String id) {
      return groups.containsKey(id);
    }

    /** The tests shown as a badge on this node's card; empty when none are. */
    public List<String> testsOn(String nodeId) {
      return testsOn.getOrDefault(nodeId, List.of());
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

  /**
   * The node a test checks, whose card wears it as a badge when tests are drawn on their models:
   * the node a generic test is attached to, a unit test's model, else the test's first parent that
   * is not a test; null for a node that is not a test, or a test of nothing on the graph.
   */
  public static String holderOf(Manifest m, String id) {
    Node n = m.node(id).orElse(null);
    if (!(n instanceof DataTest)) {
      return null;
    }
    String h = null;
    if (n instanceof GenericTest g) {
      h = g.attachedTo();
    } else if (n instanceof UnitTest u) {
      h = "model." + u.model();
    }
    if (h != null && m.dag().contains(h) && !(m.node(h).orElse(null) instanceof DataTest)) {
      return h;
    }
    for (String p : m.dag().parents(id)) {
      if (!(m.node(p).orElse(null) instanceof DataTest)) {
        return p;
      }
    }
    return null;
  }

  /** What to draw for {@code m} with these folders collapsed, every test a card of its own. */
  public static Shown shown(
      Manifest m, Set<String> collapsed, Function<String, GraphLayout.Point> position) {
    return shown(m, collapsed, position, false);
  }

  /**
   * What to draw for {@code m} with these folders collapsed; with {@code testsOnModels}, a test
   * that checks a node is no card of its own but a badge on that node's card: the edges into it go,
   * and any out of it start from the node it checks, so that none points at a card not drawn.
   */
  public static Shown shown(
      Manifest m,
      Set<String> collapsed,
      Function<String, GraphLayout.Point> position,
      boolean testsOnModels) {
    Map<String, String> itemOf = new LinkedHashMap<>();
    Map<String, List<String>> members = new LinkedHashMap<>();
    Map<String, String> hiddenTests = new LinkedHashMap<>(); // test -> the node it checks
    List<String> items = new ArrayList<>();
    if (testsOnModels) {
      for (String id : m.dag().nodeIds()) {
        String h = holderOf(m, id);
        if (h != null) {
          hiddenTests.put(id, h);
        }
      }
    }
    for (String id : m.dag().nodeIds()) {
      if (hiddenTests.containsKey(id)) {
        continue;
      }
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
    hiddenTests.forEach((test, holder) -> itemOf.put(test, itemOf.get(holder)));
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> edges = new ArrayList<>();
    for (String id : m.dag().nodeIds()) {
      for (String child : m.dag().children(id)) {
        if (hiddenTests.containsKey(child)) {
          continue; // drawn as a badge on the card it checks
        }
        String a = itemOf.get(id);
        String b = itemOf.get(child);
        if (!a.equals(b) && seen.add(a + "\n" + b)) {
          edges.add(new String[] {a, b});
        }
      }
    }
    Map<String, List<String>> testsOn = new LinkedHashMap<>();
    hiddenTests.forEach(
        (test, holder) -> {
          if (holder.equals(itemOf.get(holder))) { // not folded into a group card
            testsOn.computeIfAbsent(holder, k -> new ArrayList<>()).add(test);
          }
        });
    testsOn.replaceAll((k, v) -> List.copyOf(v));
    return new Shown(List.copyOf(items), List.copyOf(edges), groups, testsOn);
  }
}

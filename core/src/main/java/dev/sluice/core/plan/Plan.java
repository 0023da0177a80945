package dev.sluice.core.plan;

import dev.sluice.core.parse.Dag;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes a run executes and what each must wait for. A node waits for the nearest planned
 * nodes upstream of it, looking through nodes that are not planned. In a build, a node also waits
 * for the single-table tests of what it reads, so that bad data stops where it is found.
 *
 * @param order planned node ids, each after everything it waits for
 * @param waitsFor each planned id to the planned ids it waits for
 */
public record Plan(List<String> order, Map<String, Set<String>> waitsFor) {

  public static Plan of(Manifest manifest, Command command, String select, String exclude) {
    boolean all = (select == null || select.isBlank()) && (exclude == null || exclude.isBlank());
    if (!all) {
      return make(manifest, command, select, exclude);
    }
    java.lang.ref.SoftReference<Last> ref = last;
    Last l = ref == null ? null : ref.get();
    if (l != null && l.holdsFor(manifest, command)) {
      return l.plan();
    }
    Plan p = make(manifest, command, null, null).frozen();
    last =
        new java.lang.ref.SoftReference<>(
            new Last(manifest.dag(), command, manifest.project().nodes(), p));
    return p;
  }

  /**
   * The last plan of a whole project, kept for the next plan of the same graph: a parse after an
   * edit of a model's SQL (see ManifestPatch) gives the very graph object again, and what else a
   * plan of everything reads of a node (its kind, whether a source is loaded, a test's {@code
   * blocking}, a unit test's model) cannot differ for a model whose id and kind are the same.
   */
  private record Last(Dag dag, Command command, List<Node> nodes, Plan plan) {
    boolean holdsFor(Manifest m, Command c) {
      List<Node> now = m.project().nodes();
      if (m.dag() != dag || c != command || now.size() != nodes.size()) {
        return false;
      }
      for (int i = 0; i < now.size(); i++) {
        Node a = now.get(i);
        Node b = nodes.get(i);
        if (a != b
            && !(a.kind() == NodeKind.MODEL
                && b.kind() == NodeKind.MODEL
                && a.uniqueId().equals(b.uniqueId()))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Softly held: it keeps a whole project's nodes alive, and memory wins over a faster plan. */
  private static volatile java.lang.ref.SoftReference<Last> last;

  /** The same plan in lists and sets that cannot change, so that one can be handed out twice. */
  private Plan frozen() {
    Map<String, Set<String>> w = new LinkedHashMap<>();
    waitsFor.forEach((id, s) -> w.put(id, java.util.Collections.unmodifiableSet(s)));
    return new Plan(List.copyOf(order), java.util.Collections.unmodifiableMap(w));
  }

  /** Plans from scratch (what {@link #of} gives, never from the last plan). */
  static Plan make(Manifest manifest, Command command, String select, String exclude) {
    Set<String> chosen = Selector.select(manifest, select, null);
    if (command.addsTests()) {
      chosen = Selector.withTests(manifest, chosen);
    }
    if (exclude != null && !exclude.isBlank()) {
      chosen.removeAll(Selector.select(manifest, exclude, null));
    }
    Set<String> planned = new LinkedHashSet<>();
    for (String id : manifest.dag().topologicalOrder()) {
      if (chosen.contains(id) && command.includes(manifest.node(id).orElseThrow())) {
        planned.add(id);
      }
    }
    Dag dag = manifest.dag();
    Map<String, Set<String>> waits = new LinkedHashMap<>();
    for (String id : planned) {
      waits.put(id, nearestPlanned(dag, id, planned));
    }
    if (command == Command.BUILD) {
      gateOnTests(manifest, planned, waits);
      return unitTestsFirst(manifest, new ArrayList<>(planned), waits);
    }
    return new Plan(new ArrayList<>(planned), waits);
  }

  private static Set<String> nearestPlanned(Dag dag, String id, Set<String> planned) {
    Set<String> direct = dag.parents(id);
    if (planned.containsAll(direct)) {
      return new LinkedHashSet<>(direct); // the usual case: nothing to look through
    }
    Set<String> found = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(dag.parents(id));
    while (!todo.isEmpty()) {
      String p = todo.pop();
      if (!seen.add(p)) {
        continue;
      }
      if (planned.contains(p)) {
        found.add(p);
      } else {
        todo.addAll(dag.parents(p));
      }
    }
    return found;
  }

  private static void gateOnTests(
      Manifest manifest, Set<String> planned, Map<String, Set<String>> waits) {
    // the blocking tests of each parent, found once: a seed read by a thousand models would
    // otherwise have its thousand children looked at a thousand times
    if (planned.stream().noneMatch(id -> manifest.node(id).orElseThrow() instanceof GenericTest)) {
      return; // no test to wait for
    }
    Map<String, Set<String>> blockingTests = new java.util.HashMap<>();
    for (String id : planned) {
      Node n = manifest.node(id).orElseThrow();
      if (n.kind() == NodeKind.TEST) {
        continue;
      }
      Set<String> extra = new LinkedHashSet<>();
      for (String parent : waits.get(id)) {
        extra.addAll(
            blockingTests.computeIfAbsent(parent, p -> blockingTestsOf(manifest, p, planned)));
      }
      waits.get(id).addAll(extra);
    }
  }

  /**
   * As dbt builds: a model's unit tests run before it (they need only its inputs' given rows, not
   * its table), and the model waits for them, so it is skipped when one fails.
   */
  private static Plan unitTestsFirst(
      Manifest manifest, List<String> order, Map<String, Set<String>> waits) {
    Map<String, List<String>> before = new LinkedHashMap<>();
    for (String id : order) {
      if (manifest.node(id).orElseThrow() instanceof dev.sluice.core.project.UnitTest u) {
        String model = manifest.project().refable(u.model()).map(Node::uniqueId).orElse(null);
        if (model != null && waits.containsKey(model)) {
          before.computeIfAbsent(model, k -> new ArrayList<>()).add(id);
        }
      }
    }
    if (before.isEmpty()) {
      return new Plan(order, waits);
    }
    Set<String> moved = new HashSet<>();
    before.values().forEach(moved::addAll);
    List<String> out = new ArrayList<>();
    for (String id : order) {
      if (moved.contains(id)) {
        continue;
      }
      for (String test : before.getOrDefault(id, List.of())) {
        Set<String> w = new LinkedHashSet<>(waits.get(id));
        w.remove(test);
        waits.put(test, w);
        out.add(test);
      }
      if (before.containsKey(id)) {
        waits.get(id).addAll(before.get(id));
      }
      out.add(id);
    }
    return new Plan(out, waits);
  }

  private static Set<String> blockingTestsOf(
      Manifest manifest, String parent, Set<String> planned) {
    Set<String> out = new LinkedHashSet<>();
    for (String child : manifest.dag().children(parent)) {
      if (!planned.contains(child)) {
        continue;
      }
      Node c = manifest.node(child).orElseThrow();
      // blocking: false lets downstream go on whatever the test finds; true holds it back
      // even for a test that reads several tables
      if (c instanceof GenericTest
          && c.config().bool("blocking", manifest.dag().parents(child).size() == 1)) {
        out.add(child);
      }
    }
    return out;
  }

  public int size() {
    return order.size();
  }
}

package dev.sluice.core.interop;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nodes an orchestrator runs, one step each (an asset, a task), in build order, each with the
 * steps it waits for. Tests are no steps of their own: {@code sluice build --select node} runs a
 * node's tests with it.
 *
 * @param id a name that is a Python identifier and unique: {@code stg_orders}, {@code
 *     source__shop__orders}
 * @param select what {@code sluice build --select} takes to build just this node
 */
record Steps(List<Step> all) {
  record Step(
      String id, String nodeId, String select, String kind, String group, List<String> deps) {}

  static Steps of(Manifest manifest, String select) {
    Plan plan = Plan.of(manifest, Command.BUILD, select, null);
    Set<String> chosen = new LinkedHashSet<>();
    for (String id : plan.order()) {
      Node n = manifest.node(id).orElseThrow();
      if (n.kind() != NodeKind.TEST) {
        chosen.add(id);
      }
    }
    List<Step> out = new ArrayList<>();
    for (String id : chosen) {
      Node n = manifest.node(id).orElseThrow();
      List<String> deps = new ArrayList<>();
      for (String d : nearest(manifest, id, chosen)) {
        deps.add(stepId(manifest.node(d).orElseThrow()));
      }
      out.add(
          new Step(stepId(n), id, selectorOf(n), n.kind().label(), group(n), List.copyOf(deps)));
    }
    return new Steps(out);
  }

  /** The chosen nodes nearest above {@code id}, looking through nodes that are not chosen. */
  private static Set<String> nearest(Manifest m, String id, Set<String> chosen) {
    Set<String> found = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(m.dag().parents(id));
    while (!todo.isEmpty()) {
      String p = todo.pop();
      if (!seen.add(p)) {
        continue;
      }
      if (chosen.contains(p)) {
        found.add(p);
      } else {
        todo.addAll(m.dag().parents(p));
      }
    }
    return new java.util.TreeSet<>(found);
  }

  static String stepId(Node n) {
    String base =
        n.kind() == NodeKind.SOURCE
            ? "source__" + n.uniqueId().replaceFirst("^source\\.", "").replace('.', '_')
            : n.name();
    String id = base.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(id.charAt(0)) ? "_" + id : id;
  }

  private static String selectorOf(Node n) {
    return n.kind() == NodeKind.SOURCE
        ? "source:" + n.uniqueId().replaceFirst("^source\\.", "")
        : n.name();
  }

  private static String group(Node n) {
    String f = n.file() == null ? "" : n.file().toString().replace('\\', '/');
    String[] parts = f.split("/");
    return parts.length >= 3
        ? parts[parts.length - 2]
        : parts[0].isEmpty() ? n.kind().label() : parts[0];
  }

  /** The step ids of a selection, for a schedule's job. */
  static List<String> idsOf(Manifest manifest, String select) {
    return of(manifest, select).all().stream().map(Step::id).toList();
  }
}

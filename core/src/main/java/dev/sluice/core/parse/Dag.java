package dev.sluice.core.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The pipeline as a directed graph of node ids: an edge runs from a node to what reads it. */
public final class Dag {
  private final Map<String, Set<String>> parents = new LinkedHashMap<>();
  private final Map<String, Set<String>> children = new LinkedHashMap<>();

  /**
   * @param edges each node id to the ids it reads from; every id must be a key
   */
  public Dag(Map<String, ? extends Collection<String>> edges) {
    edges
        .keySet()
        .forEach(
            id -> {
              parents.put(id, new LinkedHashSet<>());
              children.put(id, new LinkedHashSet<>());
            });
    edges.forEach(
        (id, ps) ->
            ps.forEach(
                p -> {
                  if (parents.containsKey(p) && !p.equals(id)) {
                    parents.get(id).add(p);
                    children.get(p).add(id);
                  }
                }));
  }

  public Set<String> nodeIds() {
    return Collections.unmodifiableSet(parents.keySet());
  }

  public boolean contains(String id) {
    return parents.containsKey(id);
  }

  public Set<String> parents(String id) {
    return Collections.unmodifiableSet(parents.getOrDefault(id, Set.of()));
  }

  public Set<String> children(String id) {
    return Collections.unmodifiableSet(children.getOrDefault(id, Set.of()));
  }

  /**
   * Everything {@code id} reads from, directly or not, up to {@code depth} steps (-1: no limit).
   */
  public Set<String> upstream(String id, int depth) {
    return walk(id, depth, parents);
  }

  public Set<String> upstream(String id) {
    return upstream(id, -1);
  }

  public Set<String> downstream(String id, int depth) {
    return walk(id, depth, children);
  }

  public Set<String> downstream(String id) {
    return downstream(id, -1);
  }

  private static Set<String> walk(String start, int depth, Map<String, Set<String>> next) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> frontier = new ArrayDeque<>(List.of(start));
    for (int level = 0; !frontier.isEmpty() && (depth < 0 || level < depth); level++) {
      Deque<String> following = new ArrayDeque<>();
      for (String id : frontier) {
        for (String n : next.getOrDefault(id, Set.of())) {
          if (seen.add(n)) {
            following.add(n);
          }
        }
      }
      frontier = following;
    }
    seen.remove(start);
    return seen;
  }

  /** A cycle as a path that starts and ends at the same node, if there is one. */
  public Optional<List<String>> findCycle() {
    if (acyclicOrder() != null) {
      return Optional.empty(); // the order reached every node (and is kept for topologicalOrder)
    }
    Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
    for (String start : parents.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<java.util.Iterator<String>> its = new ArrayDeque<>();
      path.push(start);
      its.push(children.get(start).iterator());
      state.put(start, 1);
      while (!path.isEmpty()) {
        java.util.Iterator<String> it = its.peek();
        if (it.hasNext()) {
          String n = it.next();
          Integer s = state.get(n);
          if (s == null) {
            state.put(n, 1);
            path.push(n);
            its.push(children.get(n).iterator());
          } else if (s == 1) {
            List<String> cycle = new ArrayList<>();
            List<String> onPath = new ArrayList<>(path);
            Collections.reverse(onPath);
            cycle.addAll(onPath.subList(onPath.indexOf(n), onPath.size()));
            cycle.add(n);
            return Optional.of(cycle);
          }
        } else {
          state.put(path.pop(), 2);
          its.pop();
        }
      }
    }
    return Optional.empty();
  }

  private volatile List<String> order;

  /** Every node after all it reads from; ties keep declaration order. Throws on a cycle. */
  public List<String> topologicalOrder() {
    List<String> o = acyclicOrder();
    if (o == null) {
      throw new IllegalStateException(
          "the graph has a cycle: " + findCycle().map(c -> String.join(" -> ", c)).orElse("?"));
    }
    return new ArrayList<>(o);
  }

  /** The topological order, made once (the graph never changes); null when there is a cycle. */
  private List<String> acyclicOrder() {
    List<String> o = order;
    if (o == null) {
      List<String> made = order();
      if (made.size() != parents.size()) {
        return null;
      }
      o = List.copyOf(made);
      order = o;
    }
    return o;
  }

  /** Kahn's order: every node whose parents all came before; short of some nodes on a cycle. */
  private List<String> order() {
    Map<String, Integer> waiting = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    parents.forEach(
        (id, ps) -> {
          waiting.put(id, ps.size());
          if (ps.isEmpty()) {
            ready.add(id);
          }
        });
    List<String> order = new ArrayList<>(parents.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String c : children.get(id)) {
        if (waiting.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    return order;
  }

  /** The graph restricted to {@code ids}, keeping edges among them. */
  public Dag subgraph(Set<String> ids) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (String id : parents.keySet()) {
      if (ids.contains(id)) {
        edges.put(id, parents.get(id).stream().filter(ids::contains).toList());
      }
    }
    return new Dag(edges);
  }

  /** The topological order, or, when there is a cycle, the nodes as declared (for drawing). */
  public List<String> topologicalOrderOrDeclared() {
    return findCycle().isPresent() ? new ArrayList<>(parents.keySet()) : topologicalOrder();
  }
}

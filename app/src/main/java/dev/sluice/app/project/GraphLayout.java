package dev.sluice.app.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a pipeline out left to right: sources on the left, tests on the right; with ELK's layered
 * algorithm up to {@link #QUICK_ABOVE} nodes ({@link ElkLayout}, loaded only then), in quick layers
 * above. Pure computation with no JavaFX, so it runs on a background thread.
 */
public final class GraphLayout {
  /**
   * Above this many nodes, ELK's crossing minimisation takes tens of seconds: layer quickly
   * instead.
   */
  static final int QUICK_ABOVE = 300;

  private GraphLayout() {}

  /**
   * A quick layered layout for large graphs: each node one column right of its deepest parent,
   * stacked in order within its column. Linear in the size of the graph.
   *
   * @param nodes in topological order
   */
  public static Map<String, Point> layers(
      List<String> nodes, List<String[]> edges, double width, double height) {
    Map<String, List<String>> parents = new HashMap<>();
    for (String[] e : edges) {
      parents.computeIfAbsent(e[1], k -> new java.util.ArrayList<>()).add(e[0]);
    }
    Map<String, Integer> depth = new HashMap<>();
    Map<Integer, Integer> filled = new HashMap<>();
    Map<String, Point> out = new HashMap<>();
    for (String id : nodes) {
      int d = 0;
      for (String p : parents.getOrDefault(id, List.of())) {
        d = Math.max(d, depth.getOrDefault(p, 0) + 1);
      }
      depth.put(id, d);
      int row = filled.merge(d, 1, Integer::sum) - 1;
      out.put(id, new Point(d * (width + 70), row * (height + 24)));
    }
    return out;
  }

  /** A node's top-left corner. */
  public record Point(double x, double y) {}

  /**
   * @param nodes node ids in a stable order
   * @param edges {@code [from, to]} pairs
   */
  public static Map<String, Point> layout(
      List<String> nodes, List<String[]> edges, double width, double height) {
    if (nodes.size() > QUICK_ABOVE) {
      return layers(nodes, edges, width, height);
    }
    return ElkLayout.layout(nodes, edges, width, height);
  }
}

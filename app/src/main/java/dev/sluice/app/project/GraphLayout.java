package dev.sluice.app.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a pipeline out left to right with ELK's layered algorithm: sources on the left, tests on the
 * right. Pure computation with no JavaFX, so it runs on a background thread.
 */
public final class GraphLayout {
  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

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
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
    Map<String, ElkNode> elk = new HashMap<>();
    for (String id : nodes) {
      ElkNode n = ElkGraphUtil.createNode(root);
      n.setWidth(width);
      n.setHeight(height);
      elk.put(id, n);
    }
    for (String[] e : edges) {
      ElkNode from = elk.get(e[0]);
      ElkNode to = elk.get(e[1]);
      if (from != null && to != null) {
        ElkGraphUtil.createSimpleEdge(from, to);
      }
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    Map<String, Point> out = new HashMap<>();
    elk.forEach((id, n) -> out.put(id, new Point(n.getX(), n.getY())));
    return out;
  }
}

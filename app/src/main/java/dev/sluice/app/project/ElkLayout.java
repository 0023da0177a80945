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
 * ELK's layered layout, the only class that names ELK: it is loaded, and ELK with it (its meta data
 * service, hundreds of classes, the verification of its signed jars), the first time a graph small
 * enough for it is laid out, and never for a large project, which {@link GraphLayout} lays out in
 * quick layers.
 */
final class ElkLayout {
  static {
    LayoutMetaDataService.getInstance()
        .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private ElkLayout() {}

  /** See {@link GraphLayout#layout}. */
  static Map<String, GraphLayout.Point> layout(
      List<String> nodes, List<String[]> edges, double width, double height) {
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
    Map<String, GraphLayout.Point> out = new HashMap<>();
    elk.forEach((id, n) -> out.put(id, new GraphLayout.Point(n.getX(), n.getY())));
    return out;
  }
}

package dev.sluice.app.graph;

import dev.sluice.app.project.GraphLayout;
import java.util.Map;

/**
 * Where an arrow key moves the selection on the graph: to the nearest card in that direction, the
 * cards straight ahead counting as nearer than those off to the side. Right goes downstream and
 * left upstream, as the graph is laid out left to right.
 */
final class ArrowNavigation {
  private ArrowNavigation() {}

  /**
   * The item nearest to {@code from} in the direction ({@code dx}, {@code dy}) (each -1, 0 or 1),
   * or null when there is none that way.
   */
  static String next(Map<String, GraphLayout.Point> places, String from, int dx, int dy) {
    GraphLayout.Point at = places.get(from);
    if (at == null) {
      return null;
    }
    String best = null;
    double bestCost = Double.MAX_VALUE;
    for (Map.Entry<String, GraphLayout.Point> e : places.entrySet()) {
      if (e.getKey().equals(from) || e.getValue() == null) {
        continue;
      }
      double ox = e.getValue().x() - at.x();
      double oy = e.getValue().y() - at.y();
      double ahead = ox * dx + oy * dy;
      if (ahead <= 1) {
        continue;
      }
      double aside = Math.abs(ox * dy - oy * dx);
      double cost = ahead + 3 * aside;
      if (cost < bestCost) {
        bestCost = cost;
        best = e.getKey();
      }
    }
    return best;
  }
}

package dev.sluice.app.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spatial index of the graph's plane: square cells, each listing the cards whose top-left corner
 * falls in it and the edges whose straight line passes through it. Asking what lies in a rectangle
 * touches only the cells under it, so culling and hit-testing cost what the rectangle holds, not
 * the size of the graph. It answers candidates: callers test each against the exact rectangle.
 */
final class CardGrid {
  /** The side of a cell, in graph units: a few cards across. */
  static final double CELL = 512;

  private final double cardWidth;
  private final double cardHeight;
  private final Map<Long, List<String>> cards = new HashMap<>();
  private final Map<String, Long> cellOf = new HashMap<>();
  private final Map<Long, List<Integer>> edges = new HashMap<>();
  private final long[][] cellsOfEdge;

  /** For each edge, the query that last answered it: answers without duplicates, without sets. */
  private final int[] seen;

  private int query;

  CardGrid(double cardWidth, double cardHeight, int edgeCount) {
    this.cardWidth = cardWidth;
    this.cardHeight = cardHeight;
    this.cellsOfEdge = new long[edgeCount][];
    this.seen = new int[edgeCount];
  }

  private static long key(int col, int row) {
    return ((long) col << 32) ^ (row & 0xffffffffL);
  }

  private static int cell(double v) {
    return (int) Math.floor(v / CELL);
  }

  /** Puts a card at (x, y), or moves it there. */
  void putCard(String id, double x, double y) {
    long k = key(cell(x), cell(y));
    Long was = cellOf.put(id, k);
    if (was != null) {
      if (was == k) {
        return;
      }
      List<String> old = cards.get(was);
      old.remove(id);
      if (old.isEmpty()) {
        cards.remove(was);
      }
    }
    cards.computeIfAbsent(k, c -> new ArrayList<>(4)).add(id);
  }

  /**
   * Puts edge number {@code index}, the straight line from (x1, y1) to (x2, y2), into every cell
   * the line passes through, or moves it there.
   */
  void putEdge(int index, double x1, double y1, double x2, double y2) {
    long[] was = cellsOfEdge[index];
    if (was != null) {
      for (long k : was) {
        List<Integer> l = edges.get(k);
        l.remove((Integer) index);
        if (l.isEmpty()) {
          edges.remove(k);
        }
      }
    }
    // column by column, the rows the line covers there: each cell comes once, no set is needed
    long[] now = new long[8];
    int n = 0;
    double minX = Math.min(x1, x2);
    double maxX = Math.max(x1, x2);
    for (int col = cell(minX); col <= cell(maxX); col++) {
      double xa = Math.max(minX, col * CELL);
      double xb = Math.min(maxX, (col + 1) * CELL);
      double ya;
      double yb;
      if (x2 == x1) {
        ya = y1;
        yb = y2;
      } else {
        ya = y1 + (y2 - y1) * (xa - x1) / (x2 - x1);
        yb = y1 + (y2 - y1) * (xb - x1) / (x2 - x1);
      }
      for (int row = cell(Math.min(ya, yb)); row <= cell(Math.max(ya, yb)); row++) {
        if (n == now.length) {
          now = java.util.Arrays.copyOf(now, 2 * n);
        }
        long k = key(col, row);
        now[n++] = k;
        edges.computeIfAbsent(k, c -> new ArrayList<>(4)).add(index);
      }
    }
    now = java.util.Arrays.copyOf(now, n);
    cellsOfEdge[index] = now;
  }

  /** The cards that may meet the rectangle: those in the cells under it, grown by a card's size. */
  Set<String> cardsNear(double minX, double minY, double maxX, double maxY) {
    if (cellCount(minX - cardWidth, minY - cardHeight, maxX, maxY) > cards.size()) {
      return new HashSet<>(cellOf.keySet()); // a rectangle wider than the graph: every card
    }
    Set<String> out = new HashSet<>();
    for (int col = cell(minX - cardWidth); col <= cell(maxX); col++) {
      for (int row = cell(minY - cardHeight); row <= cell(maxY); row++) {
        List<String> l = cards.get(key(col, row));
        if (l != null) {
          out.addAll(l);
        }
      }
    }
    return out;
  }

  /**
   * Gives each edge whose line may cross the rectangle (those listed in the cells under it) once to
   * {@code each}.
   */
  void edgesNear(
      double minX, double minY, double maxX, double maxY, java.util.function.IntConsumer each) {
    query++;
    if (cellCount(minX, minY, maxX, maxY) > edges.size()) {
      for (int i = 0; i < cellsOfEdge.length; i++) {
        each.accept(i); // a rectangle wider than the graph: every edge
      }
      return;
    }
    for (int col = cell(minX); col <= cell(maxX); col++) {
      for (int row = cell(minY); row <= cell(maxY); row++) {
        List<Integer> l = edges.get(key(col, row));
        if (l != null) {
          for (int i = 0, n = l.size(); i < n; i++) {
            int e = l.get(i);
            if (seen[e] != query) {
              seen[e] = query;
              each.accept(e);
            }
          }
        }
      }
    }
  }

  private static double cellCount(double minX, double minY, double maxX, double maxY) {
    return (cell(maxX) - (double) cell(minX) + 1) * (cell(maxY) - (double) cell(minY) + 1);
  }
}

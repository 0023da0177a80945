package dev.sluice.app.graph;

import javafx.scene.Node;

/**
 * The names of the graph's cards, edges and badges ("node-" and a node's id, "edge-" and its ends,
 * "tests-", "group-"), for whatever looks one up: kept in the node's properties, not as its CSS id.
 * JavaFX keeps the styles it matched for a node under the node's type, style classes and id, so a
 * card with an id of its own missed that cache and cost a match of every selector of the theme as
 * it came into view: a tenth of a second of the first paint of a large project, and more on each
 * pan that brings cards in.
 */
public final class GraphIds {
  private static final Object KEY = GraphIds.class;

  private GraphIds() {}

  static void name(Node n, String name) {
    n.getProperties().put(KEY, name);
  }

  /** The name given to a card, edge or badge of the graph, or null. */
  public static String of(Node n) {
    return n.getProperties().get(KEY) instanceof String s ? s : null;
  }
}

package dev.sluice.app.graph;

import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Which cards and edges exist on the graph's plane: only those in or near the visible part, so a
 * graph of thousands of nodes costs what the screen shows. Small graphs simply get every card.
 * Cards are created on first sight and hidden, not destroyed, when they leave it.
 */
final class LazyCards {
  /** Graphs larger than this create their cards lazily; smaller ones show everything at once. */
  static final int LARGE = 300;

  private final Pane content;
  private final Function<String, Region> makeCard;
  private final BiFunction<String, String, EdgeView> makeEdge;
  private final Map<String, Region> cards = new HashMap<>();
  private final Map<String, EdgeView> edgeViews = new HashMap<>();
  private final List<EdgeView> edges = new ArrayList<>();
  private List<String> items = List.of();
  private List<String[]> allEdges = List.of();
  private Function<String, GraphLayout.Point> position = id -> new GraphLayout.Point(0, 0);

  /**
   * @param makeCard a card for an item id (null when there is none to show)
   * @param makeEdge an edge between two item ids
   */
  LazyCards(
      Pane content,
      Function<String, Region> makeCard,
      BiFunction<String, String, EdgeView> makeEdge) {
    this.content = content;
    this.makeCard = makeCard;
    this.makeEdge = makeEdge;
  }

  /**
   * Forgets every card and starts over with these items and edges; the plane gets a sizing
   * rectangle so that its bounds cover the whole graph before any card exists.
   */
  void reset(
      List<String> items, List<String[]> edges, Function<String, GraphLayout.Point> position) {
    content.getChildren().clear();
    cards.clear();
    edgeViews.clear();
    this.edges.clear();
    this.items = List.copyOf(items);
    this.allEdges = List.copyOf(edges);
    this.position = position;
    double maxX = 0;
    double maxY = 0;
    for (String id : items) {
      GraphLayout.Point p = position.apply(id);
      maxX = Math.max(maxX, p.x() + ProjectViewModel.NODE_WIDTH);
      maxY = Math.max(maxY, p.y() + ProjectViewModel.NODE_HEIGHT);
    }
    Rectangle extent = new Rectangle(0, 0, maxX, maxY);
    extent.setFill(null);
    extent.setMouseTransparent(true);
    content.getChildren().add(extent);
  }

  boolean large() {
    return items.size() > LARGE;
  }

  /**
   * Creates the cards and edges that came into {@code view} (graph coordinates), hides those that
   * left it. Returns the cards created now, so that the caller can dress them (run state, marks).
   */
  List<Region> cull(Bounds view) {
    boolean virtual = large();
    List<Region> newCards = new ArrayList<>();
    List<javafx.scene.Node> newEdges = new ArrayList<>();
    for (String id : items) {
      GraphLayout.Point p = position.apply(id);
      boolean inside =
          !virtual
              || view.intersects(
                  p.x(), p.y(), ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
      Region v = cards.get(id);
      if (inside && v == null) {
        v = makeCard.apply(id);
        if (v == null) {
          continue;
        }
        cards.put(id, v);
        v.relocate(p.x(), p.y());
        newCards.add(v);
      } else if (v != null) {
        v.setVisible(inside);
      }
    }
    double half = ProjectViewModel.NODE_HEIGHT / 2;
    for (String[] e : allEdges) {
      String key = e[0] + "->" + e[1];
      EdgeView ev = edgeViews.get(key);
      GraphLayout.Point a = where(e[0]);
      GraphLayout.Point b = where(e[1]);
      boolean inside =
          !virtual
              || crosses(
                  view, a.x() + ProjectViewModel.NODE_WIDTH, a.y() + half, b.x(), b.y() + half);
      if (inside && ev == null) {
        ev = makeEdge.apply(e[0], e[1]);
        edgeViews.put(key, ev);
        edges.add(ev);
        newEdges.add(ev);
        place(ev);
      } else if (ev != null) {
        ev.setVisible(inside);
      }
    }
    if (!newEdges.isEmpty()) {
      content.getChildren().addAll(1, newEdges); // above the sizing rectangle, below the cards
    }
    if (!newCards.isEmpty()) {
      content.getChildren().addAll(newCards);
    }
    return newCards;
  }

  /**
   * Where an item is now: its card's place if it has one (it may be being dragged), else its saved
   * place.
   */
  GraphLayout.Point where(String id) {
    Region v = cards.get(id);
    return v == null ? position.apply(id) : new GraphLayout.Point(v.getLayoutX(), v.getLayoutY());
  }

  /** The items whose cards meet a rectangle of the graph's plane (a rubber band). */
  List<String> itemsIn(Bounds r) {
    List<String> out = new ArrayList<>();
    for (String id : items) {
      GraphLayout.Point p = where(id);
      if (r.intersects(p.x(), p.y(), ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT)) {
        out.add(id);
      }
    }
    return out;
  }

  /** The item drawn at a point of the graph's plane, or null. */
  String itemAt(javafx.geometry.Point2D p) {
    List<String> hit = itemsIn(new javafx.geometry.BoundingBox(p.getX(), p.getY(), 0, 0));
    return hit.isEmpty() ? null : hit.get(hit.size() - 1); // the topmost, as drawn
  }

  /** Lays every existing edge along its cards again (after a drag). */
  void placeEdges() {
    edges.forEach(this::place);
  }

  private void place(EdgeView e) {
    GraphLayout.Point a = where(e.from);
    GraphLayout.Point b = where(e.to);
    e.place(
        a.x() + ProjectViewModel.NODE_WIDTH,
        a.y() + ProjectViewModel.NODE_HEIGHT / 2,
        b.x(),
        b.y() + ProjectViewModel.NODE_HEIGHT / 2);
  }

  Region card(String id) {
    return cards.get(id);
  }

  Map<String, Region> cards() {
    return cards;
  }

  Collection<EdgeView> edges() {
    return edges;
  }

  List<String> items() {
    return items;
  }

  List<String[]> allEdges() {
    return allEdges;
  }

  /**
   * Whether the straight line from (x1, y1) to (x2, y2) passes through the rectangle
   * (Liang-Barsky).
   */
  static boolean crosses(Bounds r, double x1, double y1, double x2, double y2) {
    double t0 = 0;
    double t1 = 1;
    double dx = x2 - x1;
    double dy = y2 - y1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x1 - r.getMinX(), r.getMaxX() - x1, y1 - r.getMinY(), r.getMaxY() - y1};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return false;
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
        if (t0 > t1) {
          return false;
        }
      }
    }
    return true;
  }
}

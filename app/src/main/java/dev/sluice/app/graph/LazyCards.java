package dev.sluice.app.graph;

import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Which cards and edges are on the graph's plane: only those in or near the visible part, so a
 * graph of thousands of nodes costs what the screen shows. Small graphs simply get every card.
 * Cards are created on first sight, found through a spatial index ({@link CardGrid}), and taken off
 * the plane (kept, not destroyed) once they are well out of view: a node off the scene costs
 * nothing in the pulse's bounds, CSS and layout passes, where a hidden one is still walked.
 */
final class LazyCards {
  /** Graphs larger than this create their cards lazily; smaller ones show everything at once. */
  static final int LARGE = 300;

  private final Pane content;
  private final Function<String, Region> makeCard;
  private final BiFunction<String, String, EdgeView> makeEdge;

  /** Every card made so far, on the plane or kept off it. */
  private final Map<String, Region> cards = new HashMap<>();

  /** The edge views made so far, by edge number (an index into {@link #allEdges}). */
  private EdgeView[] edgeViews = new EdgeView[0];

  /** Each edge's straight line as last indexed: x1, y1, x2, y2 by edge number. */
  private double[] lines = new double[0];

  private final List<EdgeView> edges = new ArrayList<>();

  /** The cards and edges on the plane now. */
  private final Set<String> attached = new LinkedHashSet<>();

  private final Set<EdgeView> attachedEdges = new LinkedHashSet<>();

  /** Edges made or put back on the plane by the last {@link #cull}, for the caller to mark. */
  private final List<EdgeView> lastEdges = new ArrayList<>();

  private List<String> items = List.of();
  private List<String[]> allEdges = List.of();
  private final Map<String, Integer> order = new HashMap<>();
  private final Map<String, List<Integer>> edgesOf = new HashMap<>();
  private CardGrid grid =
      new CardGrid(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT, 0);
  private Function<String, GraphLayout.Point> position = id -> new GraphLayout.Point(0, 0);
  private boolean allMade;

  /**
   * By edge number: whether the edge is drawn by its own view (it was dragged or selected) rather
   * than on the edge canvas. Small graphs draw every edge by its view.
   */
  private boolean[] live = new boolean[0];

  private Runnable onEdgesChanged = () -> {};
  private boolean smooth = true;

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
    this.edges.clear();
    attached.clear();
    attachedEdges.clear();
    lastEdges.clear();
    order.clear();
    edgesOf.clear();
    allMade = false;
    this.items = List.copyOf(items);
    this.allEdges = List.copyOf(edges);
    this.position = position;
    grid = new CardGrid(ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT, edges.size());
    edgeViews = new EdgeView[edges.size()];
    lines = new double[4 * edges.size()];
    live = new boolean[edges.size()];
    double maxX = 0;
    double maxY = 0;
    for (int i = 0; i < this.items.size(); i++) {
      String id = this.items.get(i);
      GraphLayout.Point p = position.apply(id);
      order.put(id, i);
      grid.putCard(id, p.x(), p.y());
      maxX = Math.max(maxX, p.x() + ProjectViewModel.NODE_WIDTH);
      maxY = Math.max(maxY, p.y() + ProjectViewModel.NODE_HEIGHT);
    }
    for (int i = 0; i < allEdges.size(); i++) {
      String[] e = allEdges.get(i);
      edgesOf.computeIfAbsent(e[0], k -> new ArrayList<>()).add(i);
      edgesOf.computeIfAbsent(e[1], k -> new ArrayList<>()).add(i);
      indexEdge(i);
    }
    Rectangle extent = new Rectangle(0, 0, maxX, maxY);
    extent.setFill(null);
    extent.setMouseTransparent(true);
    content.getChildren().add(extent);
  }

  boolean large() {
    return items.size() > LARGE;
  }

  private void indexEdge(int i) {
    String[] e = allEdges.get(i);
    GraphLayout.Point a = where(e[0]);
    GraphLayout.Point b = where(e[1]);
    double half = ProjectViewModel.NODE_HEIGHT / 2;
    lines[4 * i] = a.x() + ProjectViewModel.NODE_WIDTH;
    lines[4 * i + 1] = a.y() + half;
    lines[4 * i + 2] = b.x();
    lines[4 * i + 3] = b.y() + half;
    grid.putEdge(i, lines[4 * i], lines[4 * i + 1], lines[4 * i + 2], lines[4 * i + 3]);
  }

  /**
   * A card moved (it is being dragged): the index follows it and its edges, which are drawn by
   * their own views from now on, so that dragging does not paint the edge canvas again on every
   * step.
   */
  private void moved(String id) {
    GraphLayout.Point p = where(id);
    grid.putCard(id, p.x(), p.y());
    boolean changed = false;
    for (int i : edgesOf.getOrDefault(id, List.of())) {
      indexEdge(i);
      changed |= makeLive(i);
    }
    if (changed) {
      onEdgesChanged.run();
    }
  }

  private boolean makeLive(int i) {
    if (live[i]) {
      return false;
    }
    live[i] = true;
    if (edgeViews[i] != null) {
      edgeViews[i].setDrawn(true);
    }
    return true;
  }

  /** An edge is drawn by its own view from now on (it is selected). */
  void live(EdgeView e) {
    if (large() && e.index < live.length && edgeViews[e.index] == e && makeLive(e.index)) {
      onEdgesChanged.run();
    }
  }

  /** Whether the edges of a large graph are painted on the edge canvas. */
  boolean canvasEdges() {
    return large();
  }

  /** Told when what the edge canvas paints changed: an edge moved or went live. */
  void onEdgesChanged(Runnable r) {
    onEdgesChanged = r;
  }

  /** The edges as the edge canvas paints them, dimmed as {@code dimmed} says. */
  EdgeCanvas.Edges canvasSource(java.util.function.BiPredicate<String, String> dimmed) {
    return new EdgeCanvas.Edges() {
      @Override
      public void near(Bounds a, java.util.function.IntConsumer each) {
        grid.edgesNear(a.getMinX(), a.getMinY(), a.getMaxX(), a.getMaxY(), each);
      }

      @Override
      public double[] line(int i) {
        return java.util.Arrays.copyOfRange(lines, 4 * i, 4 * i + 4);
      }

      @Override
      public boolean live(int i) {
        return live[i];
      }

      @Override
      public boolean dimmed(int i) {
        String[] e = allEdges.get(i);
        return dimmed.test(e[0], e[1]);
      }
    };
  }

  /**
   * Puts on the plane the cards and edges that came into {@code view} (graph coordinates), making
   * those never seen, and takes off it those now far outside it (more than half a view away).
   * Returns the cards made now, so that the caller can dress them (run state, marks); {@link
   * #lastEdges} names the edges put on the plane.
   */
  List<Region> cull(Bounds view) {
    lastEdges.clear();
    if (!large()) {
      return allMade ? List.of() : makeAll();
    }
    double mx = view.getWidth() / 2;
    double my = view.getHeight() / 2;
    javafx.geometry.BoundingBox keep =
        new javafx.geometry.BoundingBox(
            view.getMinX() - mx,
            view.getMinY() - my,
            view.getWidth() + 2 * mx,
            view.getHeight() + 2 * my);
    // take off the plane what is far out of view
    Set<javafx.scene.Node> off = new HashSet<>();
    for (java.util.Iterator<String> it = attached.iterator(); it.hasNext(); ) {
      String id = it.next();
      GraphLayout.Point p = where(id);
      if (!keep.intersects(
          p.x(), p.y(), ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT)) {
        off.add(cards.get(id));
        it.remove();
      }
    }
    for (java.util.Iterator<EdgeView> it = attachedEdges.iterator(); it.hasNext(); ) {
      EdgeView ev = it.next();
      if (!crosses(keep, ev)) {
        off.add(ev);
        it.remove();
      }
    }
    if (!off.isEmpty()) {
      content.getChildren().removeAll(off);
    }
    // put on it what came into view
    List<Region> made = new ArrayList<>();
    List<Region> back = new ArrayList<>();
    List<String> near =
        new ArrayList<>(
            grid.cardsNear(view.getMinX(), view.getMinY(), view.getMaxX(), view.getMaxY()));
    near.sort(java.util.Comparator.comparingInt(order::get)); // drawn in the graph's order
    for (String id : near) {
      if (attached.contains(id)) {
        continue;
      }
      GraphLayout.Point p = where(id);
      if (!view.intersects(
          p.x(), p.y(), ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT)) {
        continue;
      }
      Region v = cards.get(id);
      if (v == null) {
        v = make(id);
        if (v == null) {
          continue;
        }
        made.add(v);
      }
      attached.add(id);
      back.add(v);
    }
    grid.edgesNear(
        view.getMinX(),
        view.getMinY(),
        view.getMaxX(),
        view.getMaxY(),
        i -> {
          EdgeView ev = edgeViews[i];
          if (ev != null && attachedEdges.contains(ev)
              || !crosses(
                  view, lines[4 * i], lines[4 * i + 1], lines[4 * i + 2], lines[4 * i + 3])) {
            return;
          }
          if (ev == null) {
            ev = edgeView(i);
          }
          place(ev); // its cards may have moved while it was off the plane
          ev.setSmooth(smooth);
          attachedEdges.add(ev);
          lastEdges.add(ev);
        });
    if (!lastEdges.isEmpty()) {
      content.getChildren().addAll(1, lastEdges); // above the sizing rectangle, below the cards
    }
    if (!back.isEmpty()) {
      content.getChildren().addAll(back);
    }
    return made;
  }

  /** A small graph: every card and edge, once. */
  private List<Region> makeAll() {
    allMade = true;
    List<Region> made = new ArrayList<>();
    for (String id : items) {
      Region v = make(id);
      if (v != null) {
        attached.add(id);
        made.add(v);
      }
    }
    for (int i = 0; i < allEdges.size(); i++) {
      EdgeView ev = edgeView(i);
      place(ev);
      ev.setSmooth(smooth);
      attachedEdges.add(ev);
      lastEdges.add(ev);
    }
    content.getChildren().addAll(1, lastEdges);
    content.getChildren().addAll(made);
    return made;
  }

  private EdgeView edgeView(int i) {
    String[] e = allEdges.get(i);
    EdgeView ev = makeEdge.apply(e[0], e[1]);
    ev.index = i;
    ev.setDrawn(!large() || live[i]);
    edgeViews[i] = ev;
    edges.add(ev);
    return ev;
  }

  private Region make(String id) {
    Region v = makeCard.apply(id);
    if (v == null) {
      return null;
    }
    GraphLayout.Point p = position.apply(id);
    v.relocate(p.x(), p.y());
    cards.put(id, v);
    javafx.beans.InvalidationListener follow = o -> moved(id);
    v.layoutXProperty().addListener(follow);
    v.layoutYProperty().addListener(follow);
    return v;
  }

  private boolean crosses(Bounds r, EdgeView ev) {
    int i = ev.index;
    return crosses(r, lines[4 * i], lines[4 * i + 1], lines[4 * i + 2], lines[4 * i + 3]);
  }

  /** The edges the last {@link #cull} put on the plane. */
  List<EdgeView> lastEdges() {
    return lastEdges;
  }

  /** Draws the edges on the plane, and those put on it later, antialiased or not. */
  void setSmooth(boolean on) {
    smooth = on;
    attachedEdges.forEach(e -> e.setSmooth(on));
  }

  /**
   * Where an item is now: its card's place if it has one (it may be being dragged), else its saved
   * place.
   */
  GraphLayout.Point where(String id) {
    Region v = cards.get(id);
    return v == null ? position.apply(id) : new GraphLayout.Point(v.getLayoutX(), v.getLayoutY());
  }

  /** The items whose cards meet a rectangle of the graph's plane (a rubber band), in order. */
  List<String> itemsIn(Bounds r) {
    List<String> out = new ArrayList<>();
    for (String id : grid.cardsNear(r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY())) {
      GraphLayout.Point p = where(id);
      if (r.intersects(p.x(), p.y(), ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT)) {
        out.add(id);
      }
    }
    out.sort(java.util.Comparator.comparingInt(order::get));
    return out;
  }

  /** The item drawn at a point of the graph's plane, or null. */
  String itemAt(javafx.geometry.Point2D p) {
    List<String> hit = itemsIn(new javafx.geometry.BoundingBox(p.getX(), p.getY(), 0, 0));
    return hit.isEmpty() ? null : hit.get(hit.size() - 1); // the topmost, as drawn
  }

  /**
   * Lays the edges on the plane along their cards again (after a drag); those off it are laid when
   * they come back.
   */
  void placeEdges() {
    attachedEdges.forEach(this::place);
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

  /** Every edge made so far, on the plane or off it. */
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

package dev.sluice.app.project;

import dev.sluice.core.parse.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Where the graph draws each node and which folders it folds into group cards, kept in the
 * project's layout file. Positions are computed off the UI thread for nodes the person has not
 * placed; placing, moving and collapsing happen on the UI thread and save the file in the
 * background.
 */
public final class ProjectLayout {
  private final Map<String, GraphLayout.Point> positions = new HashMap<>();
  // where nodes that went away stood (a delete), so the node comes back there on undo
  private final Map<String, GraphLayout.Point> departed = new HashMap<>();
  private final ObservableSet<String> collapsed = FXCollections.observableSet(new TreeSet<>());

  /** One read-only view, kept: a listener on a throwaway wrapper would be dropped with it. */
  private final ObservableSet<String> collapsedView =
      FXCollections.unmodifiableObservableSet(collapsed);

  private final Supplier<Path> root;
  private final Supplier<Manifest> manifest;
  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final Consumer<String> onSaveFailed;

  ProjectLayout(
      Supplier<Path> root,
      Supplier<Manifest> manifest,
      Executor background,
      Consumer<Runnable> onUiThread,
      Consumer<String> onSaveFailed) {
    this.root = root;
    this.manifest = manifest;
    this.background = background;
    this.onUiThread = onUiThread;
    this.onSaveFailed = onSaveFailed;
  }

  /** Above this many nodes a project opens with its tests drawn on their models by default. */
  public static final int TESTS_ON_MODELS_ABOVE = 50;

  /** Whether tests are drawn as badges on their models' cards (see {@link FolderGroups#shown}). */
  private final javafx.beans.property.BooleanProperty testsOnModels =
      new javafx.beans.property.SimpleBooleanProperty(false);

  /** What the person chose for this project, or null: the default by the project's size. */
  private volatile Boolean testsChosen;

  /**
   * What a load reads of the layout, handed to the UI thread with the manifest.
   *
   * @param testsChosen what the layout file says about tests on their models (null: nothing), on a
   *     fresh read only
   * @param testsOnModels whether tests are drawn on their models now
   */
  record Read(
      Map<String, GraphLayout.Point> positions,
      Set<String> collapsed,
      Boolean testsChosen,
      boolean testsOnModels) {}

  /**
   * The positions for a freshly read manifest: saved ones (from the file when {@code fresh}, else
   * the current ones) kept, the rest laid out. Runs on the background thread.
   */
  Read read(Path dir, Manifest m, boolean fresh) {
    return fresh
        ? readFresh(dir, m)
        : place(m, new HashMap<>(positions), testsChosen, new HashMap<>(departed), null);
  }

  /**
   * What a project opened afresh reads of its layout: the layout file's positions, folds and choice
   * of tests on models, the rest laid out. It needs no state of a window, so it can run before one
   * exists.
   */
  static Read readFresh(Path dir, Manifest m) {
    return place(
        m,
        LayoutFile.read(dir),
        LayoutFile.readTestsOnModels(dir),
        Map.of(),
        LayoutFile.readCollapsed(dir));
  }

  private static Read place(
      Manifest m,
      Map<String, GraphLayout.Point> saved,
      Boolean chosen,
      Map<String, GraphLayout.Point> back,
      Set<String> collapsed) {
    boolean onModels = chosen != null ? chosen : m.dag().nodeIds().size() > TESTS_ON_MODELS_ABOVE;
    // a test drawn on its model needs no place of its own until it is drawn as a card again
    Set<String> leaveOut = onModels ? testsOnModels(m) : Set.of();
    Map<String, GraphLayout.Point> pos = new HashMap<>();
    for (String id : m.dag().nodeIds()) {
      GraphLayout.Point p = saved.get(id);
      if (p != null) {
        pos.put(id, p);
      }
    }
    placeMissing(m, pos, leaveOut, back);
    return new Read(pos, collapsed, chosen, onModels);
  }

  /** The tests that are drawn on the card of the node they check when tests go on their models. */
  static Set<String> testsOnModels(Manifest m) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : m.dag().nodeIds()) {
      if (FolderGroups.holderOf(m, id) != null) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Gives a place to every node of {@code m} that has none in {@code pos}, except those left out:
   * all laid out when none has a place yet; else each goes back to where it stood before it went
   * away ({@code back}, an undone delete) or where the layout puts it, moved down until no card
   * covers it, so that what the person placed is kept.
   */
  private static void placeMissing(
      Manifest m,
      Map<String, GraphLayout.Point> pos,
      Set<String> leaveOut,
      Map<String, GraphLayout.Point> back) {
    boolean missing = false;
    for (String id : m.dag().nodeIds()) {
      if (!pos.containsKey(id) && !leaveOut.contains(id)) {
        missing = true;
        break;
      }
    }
    if (!missing) {
      return;
    }
    boolean none = pos.isEmpty();
    Map<String, GraphLayout.Point> computed = layout(m, none ? leaveOut : Set.of());
    if (none) {
      pos.putAll(computed);
      return;
    }
    for (String id : m.dag().nodeIds()) {
      if (!pos.containsKey(id) && !leaveOut.contains(id)) {
        GraphLayout.Point p = back.getOrDefault(id, computed.get(id));
        if (p != null) {
          pos.put(id, freeSpot(pos, id, p));
        }
      }
    }
  }

  /** Whether tests are drawn as badges on their models' cards instead of cards of their own. */
  public javafx.beans.value.ObservableBooleanValue testsOnModels() {
    return testsOnModels;
  }

  /**
   * Draws tests on their models' cards, or as cards of their own again, and remembers the choice in
   * the layout file; tests that never had a place get one first.
   */
  void setTestsOnModels(boolean on, Manifest m) {
    testsChosen = on;
    if (!on && m != null) {
      placeMissing(m, positions, Set.of(), departed);
    }
    testsOnModels.set(on);
    save();
  }

  /** Takes what {@link #read} found, on the UI thread. */
  void apply(Read r) {
    positions.forEach(
        (id, p) -> {
          if (!r.positions().containsKey(id)) {
            departed.put(id, p);
          }
        });
    r.positions().keySet().forEach(departed::remove);
    positions.clear();
    positions.putAll(r.positions());
    if (r.collapsed() != null) {
      collapsed.clear();
      collapsed.addAll(r.collapsed());
      testsChosen = r.testsChosen();
    }
    testsOnModels.set(r.testsOnModels());
  }

  /** Every node laid out afresh, in dependency order. */
  static Map<String, GraphLayout.Point> layout(Manifest m) {
    return layout(m, Set.of());
  }

  /** Every node but those left out laid out afresh, in dependency order. */
  static Map<String, GraphLayout.Point> layout(Manifest m, Set<String> leaveOut) {
    List<String> ids = new ArrayList<>(m.dag().topologicalOrderOrDeclared());
    ids.removeAll(leaveOut);
    List<String[]> edges = new ArrayList<>();
    for (String id : ids) {
      for (String child : m.dag().children(id)) {
        if (!leaveOut.contains(child)) {
          edges.add(new String[] {id, child});
        }
      }
    }
    return GraphLayout.layout(
        ids, edges, ProjectViewModel.NODE_WIDTH, ProjectViewModel.NODE_HEIGHT);
  }

  /** Replaces every position (a relayout) and saves. */
  void replaceAll(Map<String, GraphLayout.Point> p) {
    positions.clear();
    positions.putAll(p);
    save();
  }

  /** Puts a node that is about to appear (a new one, a renamed one) at a place on the graph. */
  public void place(String nodeId, double x, double y) {
    positions.put(nodeId, new GraphLayout.Point(x, y));
    save();
  }

  /** Like {@link #place}, but moves down until the node overlaps no other. */
  public void placeFree(String nodeId, double x, double y) {
    GraphLayout.Point p = freeSpot(positions, nodeId, new GraphLayout.Point(x, y));
    place(nodeId, p.x(), p.y());
  }

  /** Another project was opened: where the last one's deleted nodes stood means nothing here. */
  void forgetDeparted() {
    departed.clear();
  }

  /** {@code at}, or the first place below it where the node covers no other card. */
  static GraphLayout.Point freeSpot(
      Map<String, GraphLayout.Point> positions, String nodeId, GraphLayout.Point at) {
    double ty = at.y();
    for (int i = 0; i < 500 && overlaps(positions, nodeId, at.x(), ty); i++) {
      ty += ProjectViewModel.NODE_HEIGHT / 2;
    }
    return new GraphLayout.Point(at.x(), ty);
  }

  private static boolean overlaps(
      Map<String, GraphLayout.Point> positions, String self, double x, double y) {
    for (Map.Entry<String, GraphLayout.Point> e : positions.entrySet()) {
      GraphLayout.Point p = e.getValue();
      if (!e.getKey().equals(self)
          && Math.abs(p.x() - x) < ProjectViewModel.NODE_WIDTH + 10
          && Math.abs(p.y() - y) < ProjectViewModel.NODE_HEIGHT + 10) {
        return true;
      }
    }
    return false;
  }

  /** Moves a node (the person dragged it) and saves the layout. */
  public void move(String nodeId, double x, double y) {
    positions.put(nodeId, new GraphLayout.Point(x, y));
    save();
  }

  /** Moves several nodes at once (the person dragged a selection) and saves the layout once. */
  public void moveAll(Map<String, GraphLayout.Point> moved) {
    positions.putAll(moved);
    save();
  }

  /** The places kept, for tests in this package. */
  Map<String, GraphLayout.Point> positionsForTest() {
    return java.util.Collections.unmodifiableMap(positions);
  }

  public GraphLayout.Point position(String id) {
    return positions.getOrDefault(id, new GraphLayout.Point(0, 0));
  }

  /** Folds {@code folder} into one group card; returns whether it was drawn open before. */
  boolean collapse(String folder) {
    if (collapsed.add(folder)) {
      save();
      return true;
    }
    return false;
  }

  /** Draws the nodes of a collapsed folder one by one again. */
  public void expand(String folder) {
    if (collapsed.remove(folder)) {
      save();
    }
  }

  /** The folders drawn as group cards. */
  public ObservableSet<String> collapsed() {
    return collapsedView;
  }

  /**
   * What the graph draws: nodes, group cards for collapsed folders, and the merged edges between
   * them.
   */
  public FolderGroups.Shown shown() {
    Manifest m = manifest.get();
    if (m == null) {
      return new FolderGroups.Shown(List.of(), List.of(), Map.of());
    }
    return FolderGroups.shown(m, collapsed, this::position, testsOnModels.get());
  }

  /** The nodes drawn as cards of their own, i.e. not folded into a group. */
  Set<String> visibleNodeIds() {
    Set<String> out = new LinkedHashSet<>();
    shown().items().stream().filter(id -> !id.startsWith(FolderGroups.PREFIX)).forEach(out::add);
    return out;
  }

  private void save() {
    Path r = root.get();
    if (r == null) {
      return;
    }
    Map<String, GraphLayout.Point> copy = new LinkedHashMap<>(positions);
    Set<String> folders = new TreeSet<>(collapsed);
    Boolean tests = testsChosen;
    background.execute(
        () -> {
          try {
            LayoutFile.write(r, copy, folders, tests);
          } catch (IOException e) {
            onUiThread.accept(() -> onSaveFailed.accept(e.getMessage()));
          }
        });
  }
}

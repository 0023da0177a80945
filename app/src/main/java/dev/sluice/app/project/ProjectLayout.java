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

  /** What a load reads of the layout, handed to the UI thread with the manifest. */
  record Read(Map<String, GraphLayout.Point> positions, Set<String> collapsed) {}

  /**
   * The positions for a freshly read manifest: saved ones (from the file when {@code fresh}, else
   * the current ones) kept, the rest laid out. Runs on the background thread.
   */
  Read read(Path dir, Manifest m, boolean fresh) {
    return fresh
        ? readFresh(dir, m)
        : place(m, new HashMap<>(positions), new HashMap<>(departed), null);
  }

  /**
   * What a project opened afresh reads of its layout: the layout file's positions and folds, the
   * rest laid out. It needs no state of a window, so it can run before one exists.
   */
  static Read readFresh(Path dir, Manifest m) {
    return place(m, LayoutFile.read(dir), Map.of(), LayoutFile.readCollapsed(dir));
  }

  /**
   * Keeps what the person placed; a node that comes back (an undone delete, in {@code back})
   * returns to where it stood, and a new one goes where the layout puts it, moved down until no
   * card covers it.
   */
  private static Read place(
      Manifest m,
      Map<String, GraphLayout.Point> saved,
      Map<String, GraphLayout.Point> back,
      Set<String> collapsed) {
    Map<String, GraphLayout.Point> pos = new HashMap<>();
    boolean missing = false;
    for (String id : m.dag().nodeIds()) {
      GraphLayout.Point p = saved.get(id);
      if (p == null) {
        missing = true;
      } else {
        pos.put(id, p);
      }
    }
    if (missing) {
      Map<String, GraphLayout.Point> computed = layout(m);
      if (pos.isEmpty()) {
        pos.putAll(computed);
      } else {
        for (String id : m.dag().nodeIds()) {
          if (!pos.containsKey(id)) {
            GraphLayout.Point p = back.getOrDefault(id, computed.get(id));
            if (p != null) {
              pos.put(id, freeSpot(pos, id, p));
            }
          }
        }
      }
    }
    return new Read(pos, collapsed);
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
    }
  }

  /** Every node laid out afresh, in dependency order. */
  static Map<String, GraphLayout.Point> layout(Manifest m) {
    List<String> ids = new ArrayList<>(m.dag().topologicalOrderOrDeclared());
    List<String[]> edges = new ArrayList<>();
    for (String id : ids) {
      for (String child : m.dag().children(id)) {
        edges.add(new String[] {id, child});
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
    return FolderGroups.shown(m, collapsed, this::position);
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
    background.execute(
        () -> {
          try {
            LayoutFile.write(r, copy, folders);
          } catch (IOException e) {
            onUiThread.accept(() -> onSaveFailed.accept(e.getMessage()));
          }
        });
  }
}

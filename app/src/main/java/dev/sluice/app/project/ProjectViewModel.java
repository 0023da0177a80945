package dev.sluice.app.project;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project as the window shows it: its manifest (nodes, edges, problems), staleness and the
 * files it watches, with its layout ({@link ProjectLayout}: positions, collapsed folders) and
 * selection ({@link GraphSelection}) beside it. Loading and layout happen on the background
 * executor; the properties change on the UI thread. A project with problems still shows every node
 * that could be read.
 */
public final class ProjectViewModel {
  public static final double NODE_WIDTH = 190;
  public static final double NODE_HEIGHT = 58;

  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
  private final ObjectProperty<Manifest> manifest = new SimpleObjectProperty<>();
  private final ObservableList<ProjectProblem> problems = FXCollections.observableArrayList();
  private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
  private final StringProperty status = new SimpleStringProperty("No project open");
  private final javafx.collections.ObservableSet<String> stale = FXCollections.observableSet();

  /** Counts staleness computations; only the newest one's answer is shown. */
  private final java.util.concurrent.atomic.AtomicLong staleRound =
      new java.util.concurrent.atomic.AtomicLong();

  private volatile long fingerprint;
  private final List<Runnable> outsideChange = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ProjectLayout layout;
  private final GraphSelection selection;

  public ProjectViewModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
    this.layout =
        new ProjectLayout(
            root::get,
            manifest::get,
            background,
            onUiThread,
            why -> status.set("Could not save the layout: " + why));
    this.selection = new GraphSelection(selected, layout::visibleNodeIds);
  }

  /** What one load produced, handed to the UI thread in one piece. */
  record Loaded(Path root, Manifest manifest, ProjectLayout.Read layout, long fingerprint) {}

  public void open(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    status.set("Opening " + abs + " …");
    java.util.concurrent.CompletableFuture<Loaded> early = ProjectPreload.take(abs);
    background.execute(
        () -> {
          // a preload that failed is read again here, where a failure is reported as any other
          Loaded l =
              early == null ? load(abs, true) : early.exceptionally(e -> load(abs, true)).join();
          onUiThread.accept(() -> apply(l));
        });
  }

  /** Reloads from disk, keeping positions (new nodes are laid out). */
  public void reload() {
    Path r = root.get();
    if (r != null) {
      background.execute(
          () -> {
            Loaded l = load(r, false);
            onUiThread.accept(() -> apply(l));
          });
    }
  }

  /** Lays every node out afresh. */
  public void relayout() {
    Manifest m = manifest.get();
    if (m == null) {
      return;
    }
    boolean onModels = layout.testsOnModels().get();
    background.execute(
        () -> {
          Map<String, GraphLayout.Point> p =
              ProjectLayout.layout(
                  m, onModels ? ProjectLayout.testsOnModels(m) : java.util.Set.of());
          onUiThread.accept(
              () -> {
                layout.replaceAll(p);
                manifest.set(null); // views redraw from scratch
                manifest.set(m);
              });
        });
  }

  /** Notes that the app itself just changed files, so the watcher does not reload a second time. */
  /**
   * The one writer of project files the app edits by hand (model and test SQL from a SQL tab or the
   * inspector): writes atomically, notes the change as its own and reloads.
   */
  public void saveFile(Path file, String text) throws IOException {
    dev.sluice.core.io.AtomicFiles.write(file, text);
    ownChange();
    reload();
  }

  /** Runs {@code listener} on the UI thread whenever files change outside Sluice. */
  public void onOutsideChange(Runnable listener) {
    outsideChange.add(listener);
  }

  public void ownChange() {
    Path r = root.get();
    if (r != null) {
      fingerprint = fingerprint(r);
    }
  }

  /**
   * Reloads when a file of the project changed on disk (git, another editor). Returns whether it
   * did.
   */
  public boolean reloadIfChanged() {
    Path r = root.get();
    if (r == null) {
      return false;
    }
    long now = fingerprint(r);
    if (now != fingerprint) {
      fingerprint = now;
      onUiThread.accept(() -> outsideChange.forEach(Runnable::run));
      reload();
      return true;
    }
    return false;
  }

  private Loaded load(Path dir, boolean fresh) {
    java.util.concurrent.CompletableFuture<Long> fp = fingerprintAside(dir);
    Manifest m = dev.sluice.core.pipeline.Workspace.read(dir);
    return new Loaded(dir, m, layout.read(dir, m, fresh), fp.join());
  }

  /** A project opened afresh, read with no window's state: see {@link ProjectPreload}. */
  static Loaded loadFresh(Path dir) {
    java.util.concurrent.CompletableFuture<Long> fp = fingerprintAside(dir);
    Manifest m = dev.sluice.core.pipeline.Workspace.read(dir);
    return new Loaded(dir, m, ProjectLayout.readFresh(dir, m), fp.join());
  }

  /**
   * The fingerprint of {@code dir}, taken on a thread of its own while the project is parsed (the
   * parse runs on one core): taken before the parse ends, a file changed meanwhile differs from it
   * and is read again at the next check, where after the parse it would have been missed.
   */
  private static java.util.concurrent.CompletableFuture<Long> fingerprintAside(Path dir) {
    java.util.concurrent.CompletableFuture<Long> f = new java.util.concurrent.CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(fingerprint(dir));
              } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
              }
            },
            "sluice-fingerprint");
    t.setDaemon(true);
    t.start();
    return f;
  }

  private void apply(Loaded l) {
    if (!l.root().equals(root.get())) {
      layout.forgetDeparted();
    }
    root.set(l.root());
    fingerprint = l.fingerprint();
    problems.setAll(l.manifest().problems());
    manifest.set(null);
    layout.apply(l.layout()); // while no manifest is shown: a change of how tests are drawn redraws
    manifest.set(l.manifest());
    long errors = l.manifest().problems().stream().filter(ProjectProblem::isError).count();
    status.set(
        l.manifest().project().name()
            + ": "
            + l.manifest().dag().nodeIds().size()
            + " nodes"
            + (errors == 0 ? "" : ", " + errors + " problem" + (errors == 1 ? "" : "s")));
    if (selected.get() != null && !l.manifest().dag().contains(selected.get())) {
      selected.set(null);
    }
    selection.keepOnly(l.manifest().dag().nodeIds());
    refreshStaleness();
  }

  /**
   * Whether the open folder holds a project file (sluice.yml or dbt_project.yml); an empty folder
   * opened does not until its first node is drawn.
   */
  public boolean holdsProject() {
    Path r = root.get();
    return r != null && dev.sluice.core.pipeline.Workspace.holdsProject(r);
  }

  /** Where nodes are drawn and which folders are collapsed. */
  public ProjectLayout layout() {
    return layout;
  }

  /** Puts a node that is about to appear (a new one, a renamed one) at a place on the graph. */
  public void place(String nodeId, double x, double y) {
    layout.place(nodeId, x, y);
  }

  /** Like {@link #place}, but moves down until the node overlaps no other. */
  public void placeFree(String nodeId, double x, double y) {
    layout.placeFree(nodeId, x, y);
  }

  /** Moves a node (the person dragged it) and saves the layout. */
  public void move(String nodeId, double x, double y) {
    layout.move(nodeId, x, y);
  }

  /** Moves several nodes at once (the person dragged a selection) and saves the layout once. */
  public void moveAll(Map<String, GraphLayout.Point> moved) {
    layout.moveAll(moved);
  }

  /** Draws every node under {@code folder} as one group card; remembered in the layout file. */
  public void collapse(String folder) {
    if (layout.collapse(folder)) {
      selection.keepOnly(layout.visibleNodeIds());
    }
  }

  /** Draws the nodes of a collapsed folder one by one again. */
  public void expand(String folder) {
    layout.expand(folder);
  }

  /**
   * Whether the graph draws each test as a badge on the card of the model it checks (the default
   * above {@link ProjectLayout#TESTS_ON_MODELS_ABOVE} nodes) rather than as a card of its own.
   */
  public javafx.beans.value.ObservableBooleanValue testsOnModels() {
    return layout.testsOnModels();
  }

  /** Draws tests on their models or as cards of their own; remembered in the layout file. */
  public void setTestsOnModels(boolean on) {
    if (on != layout.testsOnModels().get()) {
      layout.setTestsOnModels(on, manifest.get());
    }
  }

  /** The folders drawn as group cards. */
  public javafx.collections.ObservableSet<String> collapsed() {
    return layout.collapsed();
  }

  /**
   * What the graph draws: nodes, group cards for collapsed folders, and the merged edges between
   * them.
   */
  public FolderGroups.Shown shown() {
    return layout.shown();
  }

  /**
   * The selected nodes; {@link #selectedProperty()} is the primary one that the inspector shows.
   */
  public GraphSelection selection() {
    return selection;
  }

  /**
   * A cheap summary of the project's files (paths, sizes and times) to notice outside changes: one
   * look at each file's attributes, and none into {@code target}, {@code .sluice} or {@code .git}.
   */
  static long fingerprint(Path dir) {
    long[] h = {17};
    try {
      Files.walkFileTree(
          dir,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
              return skipped(dir.relativize(d).toString())
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                  : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
              String rel = dir.relativize(p).toString();
              if (attrs.isSymbolicLink()) {
                try {
                  attrs =
                      Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                } catch (IOException e) {
                  return java.nio.file.FileVisitResult.CONTINUE; // a dangling link
                }
              }
              if (attrs.isRegularFile() && !skipped(rel)) {
                h[0] = h[0] * 31 + rel.hashCode();
                h[0] = h[0] * 31 + attrs.lastModifiedTime().toMillis();
                h[0] = h[0] * 31 + attrs.size();
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
              return java.nio.file.FileVisitResult.CONTINUE; // gone or unreadable: not summed
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      return h[0];
    }
    return h[0];
  }

  /** What the fingerprint leaves out: what builds and tools write, not the person. */
  private static boolean skipped(String rel) {
    return rel.startsWith("target") || rel.startsWith(".sluice") || rel.startsWith(".git");
  }

  public Node node(String id) {
    Manifest m = manifest.get();
    return m == null ? null : m.node(id).orElse(null);
  }

  public GraphLayout.Point position(String id) {
    return layout.position(id);
  }

  /**
   * Recomputes which nodes are stale (never built, or changed since their last good build, or
   * downstream of one): compiles against the warehouse on the background thread.
   */
  public void refreshStaleness() {
    Manifest m = manifest.get();
    if (m == null || m.hasErrors()) {
      return;
    }
    long round = staleRound.incrementAndGet();
    background.execute(
        () -> {
          java.util.Optional<java.util.Set<String>> found =
              dev.sluice.core.pipeline.Workspace.stale(m);
          if (found.isEmpty()) {
            return; // the file is busy (a run in a terminal): keep what is shown
          }
          java.util.Set<String> result = found.get();
          onUiThread.accept(
              () -> {
                if (round != staleRound.get()) {
                  return; // a newer computation was started: an older answer must not overwrite it
                }
                stale.clear();
                stale.addAll(result);
              });
        });
  }

  public javafx.collections.ObservableSet<String> stale() {
    return stale;
  }

  public ObjectProperty<Path> rootProperty() {
    return root;
  }

  public ObjectProperty<Manifest> manifestProperty() {
    return manifest;
  }

  public ObservableList<ProjectProblem> problems() {
    return problems;
  }

  public ObjectProperty<String> selectedProperty() {
    return selected;
  }

  public StringProperty statusProperty() {
    return status;
  }
}

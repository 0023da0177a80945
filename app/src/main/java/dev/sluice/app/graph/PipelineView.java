package dev.sluice.app.graph;

import dev.sluice.app.graph.gesture.ConnectGesture;
import dev.sluice.app.graph.gesture.NodeDragging;
import dev.sluice.app.graph.gesture.PanZoom;
import dev.sluice.app.graph.gesture.RubberBand;
import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.project.GraphLayout;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.app.runs.RunViewModel;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The pipeline graph: node cards and edges laid out left to right. Pans, zooms, fits; a click
 * selects a node and lights up what it reads and what reads it; dragging a card moves it; the
 * context menu runs it. Run states arrive as badges from the run view-model.
 */
public final class PipelineView extends Pane {
  private final Pane content = new Pane();
  private final PanZoom panZoom;
  private final ProjectViewModel project;
  private final RunViewModel runs;
  private final Consumer<RunRequest> startRun;
  private final LazyCards cards;
  private final SelectionMarks marks;
  private final OverviewCanvas overview;
  private final EdgeCanvas edgeCanvas;

  /** Whether the edge canvas needs painting or moving at the next layout pass. */
  private boolean edgesDirty;

  /**
   * Whether the overview needs drawing at the next layout pass (once per frame, however many
   * changes).
   */
  private boolean overviewDirty;

  private Manifest shown;

  /** The project the view was last fitted to: a reload after an edit keeps the view where it is. */
  private java.nio.file.Path fittedFor;

  private final Label empty =
      new Label("Open a project to see its pipeline (File > Open, Ctrl+O).");
  private ContextMenu menu;
  private GraphCommands commands;
  private final MiniMap miniMap;
  private GraphEditing editing;
  private final EdgeSelection edges;

  /** The card each test drawn as a badge is on: test id to the node id of the card. */
  private final java.util.Map<String, String> testHolders = new java.util.HashMap<>();

  /** What is drawn: nodes, and group cards for collapsed folders. */
  private FolderGroups.Shown groups =
      new FolderGroups.Shown(List.of(), List.of(), java.util.Map.of());

  public PipelineView(ProjectViewModel project, RunViewModel runs, Consumer<RunRequest> startRun) {
    this.project = project;
    this.runs = runs;
    this.startRun = startRun;
    this.edges = new EdgeSelection(project, this::requestFocus, id -> groups.isGroup(id));
    setFocusTraversable(true);
    addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, this::onKey);
    getStyleClass().add("pipeline-view");
    setId("pipeline-view");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    content.setManaged(false);
    overview = new OverviewCanvas(this);
    edgeCanvas = new EdgeCanvas(this);
    edgeCanvas.setVisible(false);
    edgeCanvas.setViewOrder(1); // drawn under the cards, though listed after the plane
    getChildren().addAll(content, overview, empty, edgeCanvas, edgeCanvas.probe());
    empty.getStyleClass().add("empty-state");
    empty.setId("graph-empty");
    empty.setWrapText(true);
    empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    empty.maxWidthProperty().bind(widthProperty().subtract(60));
    empty.setMouseTransparent(
        true); // a Model dragged from the palette drops onto the graph under it
    empty.layoutXProperty().bind(widthProperty().subtract(empty.widthProperty()).divide(2));
    empty.layoutYProperty().bind(heightProperty().subtract(empty.heightProperty()).divide(2));
    panZoom = new PanZoom(this, content);
    cards = new LazyCards(content, this::cardFor, edges::edge);
    cards.onEdgesChanged(this::repaintEdges);
    edgeCanvas.probe().strokeProperty().addListener(o -> repaintEdges()); // a change of theme
    edges.onSelect(cards::live);
    new RubberBand(this, content, this::selectInside);
    marks = new SelectionMarks(project, cards, () -> groups);
    miniMap =
        new MiniMap(
            project,
            id -> !testHolders.containsKey(id),
            (x, y) -> {
              Point2D c = content.localToParent(x, y);
              panZoom.pan(getWidth() / 2 - c.getX(), getHeight() / 2 - c.getY());
            });
    miniMap.setManaged(false);
    getChildren().addAll(miniMap, new FocusFrame(this));
    // draw only what is in view: a large graph stays smooth because off-screen cards cost nothing
    settle.setOnFinished(e -> smoothEdges(true));
    for (javafx.beans.value.ObservableValue<?> v :
        List.of(content.translateXProperty(), content.translateYProperty())) {
      v.addListener(
          (o, a, b) -> {
            if (!moving) {
              smoothEdges(false);
            }
            settle.playFromStart();
          });
    }
    for (javafx.beans.value.ObservableValue<?> v :
        List.of(
            content.translateXProperty(),
            content.translateYProperty(),
            content.scaleXProperty(),
            widthProperty(),
            heightProperty())) {
      v.addListener((o, a, b) -> cull());
    }
    // ports keep their size on screen when zoomed out, so they can still be grabbed
    content
        .scaleXProperty()
        .addListener(
            (o, a, b) ->
                nodeViews()
                    .forEach(
                        v -> {
                          scalePort(v);
                          v.setFar(farStep());
                        }));
    project.manifestProperty().addListener((o, was, m) -> rebuild(m));
    project
        .selectedProperty()
        .addListener(
            (o, was, id) -> {
              marks.show();
              repaintEdges();
            });
    project
        .selection()
        .ids()
        .addListener(
            (javafx.collections.SetChangeListener<String>)
                c -> {
                  marks.show();
                  overview.invalidate();
                  overviewDirty = true;
                  repaintEdges();
                });
    project
        .collapsed()
        .addListener(
            (javafx.collections.SetChangeListener<String>)
                c -> rebuild(project.manifestProperty().get()));
    runs.states()
        .addListener(
            (MapChangeListener<String, NodeRunState>)
                c -> {
                  if (cards.card(c.getKey()) instanceof NodeView v) {
                    v.showRun(runs.state(c.getKey()), runs.results().get(c.getKey()));
                  }
                  String holder = testHolders.get(c.getKey());
                  if (holder != null
                      && cards.card(holder) instanceof NodeView v
                      && v.tests() != null) {
                    v.tests().refresh();
                  }
                });
    project.testsOnModels().addListener((o, was, on) -> rebuild(project.manifestProperty().get()));
    project
        .stale()
        .addListener(
            (javafx.collections.SetChangeListener<String>)
                c -> {
                  if (cards.card(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved())
                      instanceof NodeView v) {
                    v.setStale(c.wasAdded());
                  }
                });
    addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          requestFocus();
          if ((e.getTarget() == this || e.getTarget() == content)
              && e.isStillSincePress()
              && !e.isShiftDown()) {
            String hit =
                overview.isVisible()
                    ? cards.itemAt(content.parentToLocal(e.getX(), e.getY()))
                    : null;
            if (hit == null || groups.isGroup(hit)) {
              project.selection().clear();
            } else if (e.isShortcutDown()) {
              project.selection().toggle(hit);
            } else {
              project.selection().only(hit);
            }
            edges.select(null);
          }
        });
  }

  /** The edge canvas paints afresh at the next layout pass (an edge or the selection changed). */
  private void repaintEdges() {
    edgeCanvas.invalidate();
    edgesDirty = true;
    requestLayout();
  }

  private void rebuild(Manifest m) {
    edgeCanvas.clear();
    edgeCanvas.setVisible(false);
    overview.invalidate();
    overview.setVisible(false);
    content.setVisible(true);
    miniMap.setVisible(false);
    edges.forget();
    shown = m;
    empty.setVisible(m == null || m.dag().nodeIds().isEmpty());
    if (m == null) {
      miniMap.show(null);
      cards.reset(List.of(), List.of(), project::position);
      return;
    }
    if (m.dag().nodeIds().isEmpty()) {
      empty.setText(
          project.holdsProject()
              ? "This project has no nodes yet: drag a Model from the palette, or add a file under"
                  + " models/."
              : "This folder holds no project yet.\nDrag a Model from the palette to start one"
                  + " here, or use File > New Project… for a starter project that builds at once.");
    }
    groups = project.shown();
    testHolders.clear();
    groups.testsOn().forEach((holder, tests) -> tests.forEach(t -> testHolders.put(t, holder)));
    miniMap.show(m);
    cards.reset(groups.items(), groups.edges(), this::savedPosition);
    boolean large = cards.large();
    boolean firstShow = !m.project().root().equals(fittedFor);
    fittedFor = m.project().root();
    javafx.application.Platform.runLater(
        () -> {
          if (!firstShow) {
            cull();
            return;
          }
          PanZoom.whenSized(
              this,
              () -> {
                if (large) {
                  panZoom.topLeft();
                } else {
                  fit();
                }
                cull();
              });
        });
    cull();
  }

  /** Whether the view is moving: edges are drawn without antialiasing until it settles. */
  private boolean moving;

  private final javafx.animation.PauseTransition settle =
      new javafx.animation.PauseTransition(javafx.util.Duration.millis(200));

  private void smoothEdges(boolean on) {
    moving = !on;
    cards.setSmooth(on);
  }

  /**
   * Creates the views that came into sight and takes those far out of it off the plane; switches
   * between cards and the overview, and has the edge canvas moved or painted.
   */
  private void cull() {
    if (shown == null) {
      return;
    }
    javafx.geometry.Bounds view =
        content.parentToLocal(
            new javafx.geometry.BoundingBox(-100, -100, getWidth() + 200, getHeight() + 200));
    miniMap.visible(
        content.parentToLocal(new javafx.geometry.BoundingBox(0, 0, getWidth(), getHeight())));
    miniMap.relocate(getWidth() - MiniMap.WIDTH - 12, getHeight() - MiniMap.HEIGHT - 12);
    miniMap.setVisible(shown.dag().nodeIds().size() > 1 && !miniMap.wholeGraphInView());
    boolean zoomedOut = cards.large() && content.getScaleX() < OverviewCanvas.ZOOM;
    if (zoomedOut && !overview.isVisible()) {
      overview.invalidate(); // cards may have moved while it was hidden
    }
    content.setVisible(!zoomedOut);
    overview.setVisible(zoomedOut);
    boolean canvasEdges = cards.canvasEdges() && !zoomedOut;
    if (canvasEdges && !edgeCanvas.isVisible()) {
      edgeCanvas.invalidate(); // edges may have moved while it was hidden
    }
    edgeCanvas.setVisible(canvasEdges);
    if (canvasEdges) {
      edgesDirty = true;
      requestLayout();
    }
    if (zoomedOut) {
      overviewDirty = true;
      requestLayout();
      return; // no cards: they would all come into view at once
    }
    List<javafx.scene.layout.Region> newCards = cards.cull(view);
    for (javafx.scene.layout.Region r : newCards) {
      if (r instanceof NodeView v) {
        v.showRun(runs.state(v.nodeId()), runs.results().get(v.nodeId()));
        v.setStale(project.stale().contains(v.nodeId()));
        v.showScore(quality == null ? null : quality.byNode().get(v.nodeId()));
        v.showTests(groups.testsOn(v.nodeId()), runs::state, this::pickTest);
        showLineage(v);
        scalePort(v);
        v.setFar(farStep());
      }
    }
    marks.dress(newCards, cards.lastEdges());
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (edgesDirty && edgeCanvas.isVisible()) {
      edgesDirty = false;
      edgeCanvas.draw(
          cards.canvasSource(marks::dimmed),
          content.getTranslateX(),
          content.getTranslateY(),
          content.getScaleX());
    }
    if (overviewDirty && overview.isVisible()) {
      overviewDirty = false;
      overview.draw(
          shown,
          groups,
          cards::where,
          project.selection().ids(),
          content.getTranslateX(),
          content.getTranslateY(),
          content.getScaleX());
    }
  }

  private java.util.stream.Stream<NodeView> nodeViews() {
    return cards.cards().values().stream()
        .filter(NodeView.class::isInstance)
        .map(NodeView.class::cast);
  }

  /**
   * How far out the graph is zoomed for its cards' text (see {@link NodeView#setFar}): below 0.75 a
   * card's 13-pixel name would be under 10 pixels on the screen, so cards show their name alone in
   * a larger type; below 0.5, larger still. A whole small project fitted into a laptop's window is
   * drawn at about 0.4.
   */
  private int farStep() {
    double k = content.getScaleX();
    return k < 0.5 ? 2 : k < 0.75 ? 1 : 0;
  }

  private void scalePort(NodeView v) {
    double k = Math.max(1, 1 / content.getScaleX());
    v.port().setScaleX(k);
    v.port().setScaleY(k);
  }

  /** Where an item of the drawn graph is kept: a node's saved place, or a group's corner. */
  private GraphLayout.Point savedPosition(String item) {
    FolderGroups.Group g = groups.groups().get(item);
    return g == null ? project.position(item) : g.at();
  }

  private javafx.scene.layout.Region cardFor(String item) {
    FolderGroups.Group g = groups.groups().get(item);
    if (g != null) {
      return groupCard(g);
    }
    return shown.node(item).map(this::card).orElse(null);
  }

  private GroupView groupCard(FolderGroups.Group g) {
    GroupView v = new GroupView(g);
    v.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            project.expand(g.folder());
          }
          e.consume();
        });
    v.setOnContextMenuRequested(
        e -> {
          showMenu(v, e, List.of(CardMenu.expand(g.folder(), project)));
          e.consume();
        });
    return v;
  }

  private void showMenu(
      javafx.scene.Node owner, javafx.scene.input.ContextMenuEvent e, List<MenuItem> items) {
    if (menu != null) {
      menu.hide();
    }
    menu = new ContextMenu(items.toArray(MenuItem[]::new));
    showOver(menu, owner, e);
  }

  /**
   * Shows a context menu, after asking the desktop for the window's keyboard focus: once a native
   * dialog (the folder or file chooser) has closed, the window may believe it is focused while the
   * desktop no longer says so, and the menu, mapped under the pointer, takes the focus, which makes
   * the window lose it and close the menu at once.
   */
  static void showOver(
      ContextMenu menu, javafx.scene.Node owner, javafx.scene.input.ContextMenuEvent e) {
    if (owner.getScene() != null && owner.getScene().getWindow() != null) {
      owner.getScene().getWindow().requestFocus();
    }
    menu.show(owner, e.getScreenX(), e.getScreenY());
  }

  /** Selects the nodes whose cards the rubber band touches. */
  private void selectInside(javafx.geometry.Bounds band, boolean add) {
    List<String> inside =
        cards.itemsIn(band).stream().filter(item -> !groups.isGroup(item)).toList();
    project.selection().select(inside, add);
    requestFocus();
  }

  /** A key on the graph does what the command table binds it to (Delete, F2, Escape, ...). */
  private void onKey(javafx.scene.input.KeyEvent e) {
    if (commands != null && commands.onKey(e, project.selectedProperty().get())) {
      e.consume();
      return;
    }
    switch (e.getCode()) {
      case LEFT, RIGHT, UP, DOWN -> {
        if (!e.isShortcutDown() && !e.isAltDown()) {
          moveSelection(e.getCode());
          e.consume();
        }
      }
      default -> {}
    }
  }

  /** Selects every node. */
  public void selectAll() {
    project.selection().all();
  }

  /** Clears the selection of nodes and edges. */
  public void clearSelection() {
    project.selection().clear();
    edges.select(null);
  }

  /**
   * An arrow key selects the neighbouring card that way (right: downstream, left: upstream), or the
   * first card when none is selected, and brings it into view.
   */
  private void moveSelection(javafx.scene.input.KeyCode key) {
    java.util.Map<String, GraphLayout.Point> places = new java.util.HashMap<>();
    for (String item : groups.items()) {
      if (!groups.isGroup(item)) {
        places.put(item, savedPosition(item));
      }
    }
    String from = project.selectedProperty().get();
    String next;
    if (from == null || !places.containsKey(from)) {
      next =
          places.entrySet().stream()
              .filter(en -> en.getValue() != null)
              .min(
                  java.util.Comparator.comparingDouble(
                      en -> en.getValue().x() + en.getValue().y() / 4))
              .map(java.util.Map.Entry::getKey)
              .orElse(null);
    } else {
      int dx =
          key == javafx.scene.input.KeyCode.RIGHT
              ? 1
              : key == javafx.scene.input.KeyCode.LEFT ? -1 : 0;
      int dy =
          key == javafx.scene.input.KeyCode.DOWN
              ? 1
              : key == javafx.scene.input.KeyCode.UP ? -1 : 0;
      next = ArrowNavigation.next(places, from, dx, dy);
    }
    if (next != null) {
      project.selection().only(next);
      reveal(next);
    }
  }

  /** Deletes the selected edge, or every selected node as one undo step. */
  public void deleteSelected() {
    if (edges.selected() != null) {
      editing.disconnect(edges.selected().from, edges.selected().to);
    } else if (project.selection().ids().size() > 1) {
      editing.deleteAll(new ArrayList<>(project.selection().ids()));
    } else if (project.selectedProperty().get() != null) {
      editing.delete(project.selectedProperty().get());
    }
  }

  private dev.sluice.app.quality.QualityViewModel quality;

  /** Shows each table's quality score as a badge on its card. */
  public void setQuality(dev.sluice.app.quality.QualityViewModel quality) {
    this.quality = quality;
    quality
        .byNode()
        .addListener(
            (MapChangeListener<String, dev.sluice.core.quality.Scorecard.TableScore>)
                c -> {
                  if (cards.card(c.getKey()) instanceof NodeView v) {
                    v.showScore(quality.byNode().get(c.getKey()));
                  }
                });
  }

  private NodeView card(Node n) {
    NodeView v = new NodeView(n);
    new NodeDragging(
        v,
        content,
        id -> project.selection().contains(id) ? project.selection().ids() : List.of(id),
        cards::where,
        cards::card,
        cards::placeEdges,
        moved -> {
          project.moveAll(moved);
          miniMap.positionsChanged();
        });
    new ConnectGesture(
        v,
        v.port(),
        content,
        this::nodeAt,
        (from, to) -> {
          if (editing != null) {
            editing.connect(from, to);
          }
        });
    v.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() != MouseButton.PRIMARY) {
            return;
          }
          if (e.isShortcutDown()) {
            project.selection().toggle(v.nodeId());
          } else if (e.isStillSincePress() || !project.selection().contains(v.nodeId())) {
            project.selection().only(v.nodeId()); // a drag of the selection keeps it
          }
        });
    v.setOnContextMenuRequested(
        e -> {
          if (!project.selection().contains(v.nodeId())) {
            project.selection().only(v.nodeId());
          }
          List<MenuItem> items =
              new ArrayList<>(commands == null ? List.of() : commands.forCard(v.nodeId()));
          items.addAll(CardMenu.folder(v.nodeId(), project));
          showMenu(v, e, items);
          e.consume();
        });
    return v;
  }

  /** The command table the cards' context menus and the graph's keys are drawn from. */
  public void setCommands(GraphCommands commands) {
    this.commands = commands;
  }

  private dev.sluice.app.lineage.LineageViewModel lineage;

  /** Lights up the cards of the column lineage the model shows, now and as it changes. */
  public void setLineage(dev.sluice.app.lineage.LineageViewModel model) {
    this.lineage = model;
    model
        .marks()
        .addListener(
            (MapChangeListener<String, dev.sluice.app.lineage.LineageViewModel.Role>)
                c -> nodeViews().forEach(this::showLineage));
  }

  private void showLineage(NodeView v) {
    if (lineage != null) {
      v.setLineage(lineage.marks().get(v.nodeId()), lineage.markedColumns().get(v.nodeId()));
    }
  }

  /** Turns on editing by drawing (ports, Delete, F2). */
  public void setEditing(GraphEditing editing) {
    this.editing = editing;
    edges.onDisconnect(editing::disconnect);
  }

  public void renameSelected() {
    String id = project.selectedProperty().get();
    if (id == null || editing == null || !id.startsWith("model.")) {
      return;
    }
    javafx.scene.control.TextInputDialog d =
        new javafx.scene.control.TextInputDialog(id.substring("model.".length()));
    d.setTitle("Rename model");
    d.setHeaderText("Rename the model; every ref to it changes too.");
    d.showAndWait().ifPresent(name -> editing.rename(id, name.strip()));
  }

  /** A point on the graph's own plane, from a point on the screen's scene. */
  public Point2D contentPoint(double sceneX, double sceneY) {
    return content.sceneToLocal(sceneX, sceneY);
  }

  /** The node whose card covers a point of the graph's plane, or null. */
  String nodeAt(Point2D p) {
    var children = content.getChildren();
    for (int i = children.size() - 1; i >= 0; i--) { // the topmost card, as the person sees it
      if (children.get(i) instanceof NodeView v
          && v.isVisible()
          && v.getBoundsInParent().contains(p)) {
        return v.nodeId();
      }
    }
    return null;
  }

  public void fit() {
    panZoom.fit();
  }

  /** Zooms to one node, at a size where its card and its neighbours' are read. */
  public void zoomTo(String id) {
    GraphLayout.Point p = cards.where(testHolders.getOrDefault(id, id));
    double w = ProjectViewModel.NODE_WIDTH;
    double h = ProjectViewModel.NODE_HEIGHT;
    panZoom.frame(p.x() - 2 * w, p.y() - 4 * h, 5 * w, 9 * h);
  }

  /** Zooms to show these nodes as large as fits (zoom to selection). */
  public void frame(java.util.Collection<String> ids) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (String id : ids) {
      GraphLayout.Point p = cards.where(testHolders.getOrDefault(id, id));
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x() + ProjectViewModel.NODE_WIDTH);
      maxY = Math.max(maxY, p.y() + ProjectViewModel.NODE_HEIGHT);
    }
    if (minX <= maxX) {
      panZoom.frame(minX, minY, maxX - minX, maxY - minY);
    }
  }

  /** Moves the view by a distance in screen pixels. */
  public void panBy(double dx, double dy) {
    panZoom.pan(dx, dy);
  }

  public void zoom(double factor) {
    panZoom.zoomCentered(factor);
  }

  /**
   * A test picked from a card's badge: selected, so that the explorer and the inspector show it,
   * while the graph keeps its card's model in view.
   */
  private void pickTest(String testId) {
    project.selection().only(testId);
    requestFocus();
  }

  /** The card a test is drawn on as a badge, or null when it has a card of its own. */
  public String cardOfTest(String testId) {
    return testHolders.get(testId);
  }

  /** Centres the view on a node, e.g. when it is picked in the explorer or found by name. */
  public void reveal(String id) {
    if (shown == null || !shown.dag().contains(id)) {
      return;
    }
    id = testHolders.getOrDefault(id, id); // a test drawn on its model's card
    String folder =
        shown
            .node(id)
            .map(FolderGroups::folderOf)
            .map(f -> FolderGroups.collapsedHolder(f, project.collapsed()))
            .orElse(null);
    if (folder != null) {
      id = FolderGroups.groupId(folder); // it is inside a collapsed folder: centre on the group
    }
    GraphLayout.Point p = cards.where(id);
    Point2D inParent =
        content.localToParent(
            p.x() + ProjectViewModel.NODE_WIDTH / 2, p.y() + ProjectViewModel.NODE_HEIGHT / 2);
    panZoom.pan(getWidth() / 2 - inParent.getX(), getHeight() / 2 - inParent.getY());
  }

  public int nodeCount() {
    return cards.cards().size();
  }
}

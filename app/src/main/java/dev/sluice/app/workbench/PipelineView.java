package dev.sluice.app.workbench;

import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunMenu;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.app.runs.RunViewModel;
import dev.sluice.core.graph.Manifest;
import dev.sluice.core.project.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private Manifest shown;
  /** The project the view was last fitted to: a reload after an edit keeps the view where it is. */
  private java.nio.file.Path fittedFor;
  private final Label empty = new Label("Open a project to see its pipeline (File > Open, Ctrl+O).");
  private ContextMenu menu;
  private final MiniMap miniMap;
  private GraphEditing editing;
  private EdgeView selectedEdge;

  public PipelineView(ProjectViewModel project, RunViewModel runs, Consumer<RunRequest> startRun) {
    this.project = project;
    this.runs = runs;
    this.startRun = startRun;
    setFocusTraversable(true);
    addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      if (editing == null) {
        return;
      }
      switch (e.getCode()) {
        case DELETE, BACK_SPACE -> {
          if (selectedEdge != null) {
            editing.disconnect(selectedEdge.from, selectedEdge.to);
          } else if (project.selectedProperty().get() != null) {
            editing.delete(project.selectedProperty().get());
          }
          e.consume();
        }
        case F2 -> {
          renameSelected();
          e.consume();
        }
        default -> { }
      }
    });
    getStyleClass().add("pipeline-view");
    setId("pipeline-view");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    content.setManaged(false);
    getChildren().addAll(content, empty);
    empty.getStyleClass().add("empty-state");
    empty.layoutXProperty().bind(widthProperty().subtract(empty.widthProperty()).divide(2));
    empty.layoutYProperty().bind(heightProperty().subtract(empty.heightProperty()).divide(2));
    panZoom = new PanZoom(this, content);
    cards = new LazyCards(content, id -> shown.node(id).map(this::card).orElse(null), this::edge);
    miniMap = new MiniMap(project, (x, y) -> {
      Point2D c = content.localToParent(x, y);
      panZoom.pan(getWidth() / 2 - c.getX(), getHeight() / 2 - c.getY());
    });
    miniMap.setManaged(false);
    getChildren().add(miniMap);
    // draw only what is in view: a large graph stays smooth because off-screen cards cost nothing
    for (javafx.beans.value.ObservableValue<?> v : List.of(content.translateXProperty(), content.translateYProperty(),
        content.scaleXProperty(), widthProperty(), heightProperty())) {
      v.addListener((o, a, b) -> cull());
    }
    // ports keep their size on screen when zoomed out, so they can still be grabbed
    content.scaleXProperty().addListener((o, a, b) -> nodeViews().forEach(this::scalePort));
    project.manifestProperty().addListener((o, was, m) -> rebuild(m));
    project.selectedProperty().addListener((o, was, id) -> highlight(id));
    runs.states().addListener((MapChangeListener<String, NodeRunState>) c -> {
      if (cards.card(c.getKey()) instanceof NodeView v) {
        v.showRun(runs.state(c.getKey()), runs.results().get(c.getKey()));
      }
    });
    project.stale().addListener((javafx.collections.SetChangeListener<String>) c -> {
      if (cards.card(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved()) instanceof NodeView v) {
        v.setStale(c.wasAdded());
      }
    });
    addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      requestFocus();
      if (e.getTarget() == this || e.getTarget() == content) {
        project.selectedProperty().set(null);
        selectEdge(null);
      }
    });
  }

  private void rebuild(Manifest m) {
    miniMap.setVisible(false);
    selectedEdge = null;
    shown = m;
    miniMap.show(m);
    empty.setVisible(m == null || m.dag().nodeIds().isEmpty());
    if (m == null) {
      cards.reset(List.of(), List.of(), project::position);
      return;
    }
    if (m.dag().nodeIds().isEmpty()) {
      empty.setText("This project has no nodes yet: drag a Model from the palette, or add a file under models/.");
    }
    List<String[]> allEdges = new ArrayList<>();
    for (String id : m.dag().nodeIds()) {
      for (String child : m.dag().children(id)) {
        allEdges.add(new String[] {id, child});
      }
    }
    cards.reset(new ArrayList<>(m.dag().nodeIds()), allEdges, project::position);
    boolean large = cards.large();
    boolean firstShow = !m.project().root().equals(fittedFor);
    fittedFor = m.project().root();
    javafx.application.Platform.runLater(() -> {
      if (!firstShow) {
        cull();
        return;
      }
      whenSized(() -> {
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

  /** Runs {@code action} now if the view has its size, else once it gets one (a window just opening). */
  private void whenSized(Runnable action) {
    if (getWidth() > 0 && getHeight() > 0) {
      action.run();
      return;
    }
    javafx.beans.value.ChangeListener<Number> once = new javafx.beans.value.ChangeListener<>() {
      @Override
      public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
        if (getWidth() > 0 && getHeight() > 0) {
          widthProperty().removeListener(this);
          heightProperty().removeListener(this);
          javafx.application.Platform.runLater(action);
        }
      }
    };
    widthProperty().addListener(once);
    heightProperty().addListener(once);
  }

  /** Creates the views that came into sight, hides those that left it. */
  private void cull() {
    if (shown == null) {
      return;
    }
    javafx.geometry.Bounds view = content.parentToLocal(
        new javafx.geometry.BoundingBox(-100, -100, getWidth() + 200, getHeight() + 200));
    miniMap.visible(content.parentToLocal(new javafx.geometry.BoundingBox(0, 0, getWidth(), getHeight())));
    miniMap.relocate(getWidth() - MiniMap.WIDTH - 12, getHeight() - MiniMap.HEIGHT - 12);
    miniMap.setVisible(shown.dag().nodeIds().size() > 1);
    for (javafx.scene.layout.Region r : cards.cull(view)) {
      if (r instanceof NodeView v) {
        v.showRun(runs.state(v.nodeId()), runs.results().get(v.nodeId()));
        v.setStale(project.stale().contains(v.nodeId()));
        scalePort(v);
      }
    }
    highlight(project.selectedProperty().get());
  }

  private java.util.stream.Stream<NodeView> nodeViews() {
    return cards.cards().values().stream().filter(NodeView.class::isInstance).map(NodeView.class::cast);
  }

  private void scalePort(NodeView v) {
    double k = Math.max(1, 1 / content.getScaleX());
    v.port().setScaleX(k);
    v.port().setScaleY(k);
  }

  private GraphLayout.Point positionOf(String id) {
    return cards.where(id);
  }

  private EdgeView edge(String from, String to) {
    EdgeView e = new EdgeView(from, to);
    e.setOnMouseClicked(ev -> {
      selectEdge(e);
      requestFocus();
      ev.consume();
    });
    e.setOnContextMenuRequested(ev -> {
      selectEdge(e);
      MenuItem remove = new MenuItem("Remove Edge");
      remove.setOnAction(a -> {
        if (editing != null) {
          editing.disconnect(e.from, e.to);
        }
      });
      new ContextMenu(remove).show(e, ev.getScreenX(), ev.getScreenY());
      ev.consume();
    });
    return e;
  }

  private NodeView card(Node n) {
    NodeView v = new NodeView(n);
    new NodeDragging(v, content, cards::placeEdges, (x, y) -> project.move(v.nodeId(), x, y));
    new ConnectGesture(v, v.port(), content, this::nodeAt, (from, to) -> {
      if (editing != null) {
        editing.connect(from, to);
      }
    });
    v.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        project.selectedProperty().set(v.nodeId());
      }
    });
    v.setOnContextMenuRequested(e -> {
      project.selectedProperty().set(v.nodeId());
      if (menu != null) {
        menu.hide();
      }
      List<MenuItem> items = new ArrayList<>(RunMenu.forNode(v.nodeId(), runs.runningProperty().get(), startRun));
      if (editing != null) {
        MenuItem rename = new MenuItem("Rename… (F2)");
        rename.setOnAction(a -> renameSelected());
        MenuItem delete = new MenuItem("Delete (Del)");
        delete.setOnAction(a -> editing.delete(v.nodeId()));
        items.add(rename);
        items.add(delete);
      }
      menu = new ContextMenu(items.toArray(MenuItem[]::new));
      menu.show(v, e.getScreenX(), e.getScreenY());
      e.consume();
    });
    return v;
  }

  /** Lights up the selected node with everything upstream and downstream of it; dims the rest. */
  private void highlight(String id) {
    Manifest m = project.manifestProperty().get();
    Set<String> lit = new HashSet<>();
    if (id != null && m != null && m.dag().contains(id)) {
      lit.add(id);
      lit.addAll(m.dag().upstream(id));
      lit.addAll(m.dag().downstream(id));
    }
    nodeViews().forEach(v -> {
      v.setSelected(v.nodeId().equals(id));
      v.setDimmed(!lit.isEmpty() && !lit.contains(v.nodeId()));
    });
    cards.edges().forEach(e -> e.setDimmed(!lit.isEmpty() && !(lit.contains(e.from) && lit.contains(e.to))));
  }

  /** Turns on editing by drawing (ports, Delete, F2). */
  public void setEditing(GraphEditing editing) {
    this.editing = editing;
  }

  private void selectEdge(EdgeView e) {
    if (selectedEdge != null) {
      selectedEdge.setSelected(false);
    }
    selectedEdge = e;
    if (e != null) {
      e.setSelected(true);
      project.selectedProperty().set(null);
    }
  }

  void renameSelected() {
    String id = project.selectedProperty().get();
    if (id == null || editing == null || !id.startsWith("model.")) {
      return;
    }
    javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(id.substring("model.".length()));
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
      if (children.get(i) instanceof NodeView v && v.isVisible() && v.getBoundsInParent().contains(p)) {
        return v.nodeId();
      }
    }
    return null;
  }

  public void fit() {
    panZoom.fit();
  }

  /** Zooms to show these nodes as large as fits (zoom to selection). */
  public void frame(java.util.Collection<String> ids) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (String id : ids) {
      GraphLayout.Point p = positionOf(id);
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

  /** Centres the view on a node, e.g. when it is picked in the explorer or found by name. */
  public void reveal(String id) {
    if (shown == null || !shown.dag().contains(id)) {
      return;
    }
    GraphLayout.Point p = positionOf(id);
    Point2D inParent = content.localToParent(p.x() + ProjectViewModel.NODE_WIDTH / 2,
        p.y() + ProjectViewModel.NODE_HEIGHT / 2);
    panZoom.pan(getWidth() / 2 - inParent.getX(), getHeight() / 2 - inParent.getY());
  }

  int nodeCount() {
    return cards.cards().size();
  }
}

package dev.sluice.app.workbench;

import dev.sluice.app.runs.NodeRunState;
import dev.sluice.app.runs.RunMenu;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.app.runs.RunViewModel;
import dev.sluice.core.graph.Manifest;
import dev.sluice.core.project.Node;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final Map<String, NodeView> nodes = new HashMap<>();
  private final List<EdgeView> edges = new ArrayList<>();
  private final Label empty = new Label("Open a project to see its pipeline (File > Open, Ctrl+O).");
  private ContextMenu menu;
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
    project.manifestProperty().addListener((o, was, m) -> rebuild(m));
    project.selectedProperty().addListener((o, was, id) -> highlight(id));
    runs.states().addListener((MapChangeListener<String, NodeRunState>) c -> {
      NodeView v = nodes.get(c.getKey());
      if (v != null) {
        v.showRun(runs.state(c.getKey()), runs.results().get(c.getKey()));
      }
    });
    project.stale().addListener((javafx.collections.SetChangeListener<String>) c -> {
      NodeView v = nodes.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
      if (v != null) {
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
    content.getChildren().clear();
    nodes.clear();
    edges.clear();
    empty.setVisible(m == null || m.dag().nodeIds().isEmpty());
    if (m == null) {
      return;
    }
    if (m.dag().nodeIds().isEmpty()) {
      empty.setText("This project has no nodes yet: add a model under models/ or a seed under seeds/.");
    }
    for (String id : m.dag().nodeIds()) {
      m.node(id).ifPresent(n -> nodes.put(id, card(n)));
    }
    selectedEdge = null;
    for (String id : m.dag().nodeIds()) {
      for (String child : m.dag().children(id)) {
        if (nodes.containsKey(child)) {
          EdgeView e = new EdgeView(id, child);
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
          edges.add(e);
        }
      }
    }
    content.getChildren().addAll(edges);
    content.getChildren().addAll(nodes.values());
    nodes.forEach((id, v) -> {
      GraphLayout.Point p = project.position(id);
      v.relocate(p.x(), p.y());
      v.showRun(runs.state(id), runs.results().get(id));
      v.setStale(project.stale().contains(id));
    });
    placeEdges();
    content.autosize();
    javafx.application.Platform.runLater(this::fit);
    highlight(project.selectedProperty().get());
  }

  private NodeView card(Node n) {
    NodeView v = new NodeView(n);
    new NodeDragging(v, content, () -> placeEdges(), (x, y) -> project.move(v.nodeId(), x, y));
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

  private void placeEdges() {
    for (EdgeView e : edges) {
      NodeView a = nodes.get(e.from);
      NodeView b = nodes.get(e.to);
      e.place(a.getLayoutX() + ProjectViewModel.NODE_WIDTH, a.getLayoutY() + ProjectViewModel.NODE_HEIGHT / 2,
          b.getLayoutX(), b.getLayoutY() + ProjectViewModel.NODE_HEIGHT / 2);
    }
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
    nodes.forEach((nid, v) -> {
      v.setSelected(nid.equals(id));
      v.setDimmed(!lit.isEmpty() && !lit.contains(nid));
    });
    edges.forEach(e -> e.setDimmed(!lit.isEmpty() && !(lit.contains(e.from) && lit.contains(e.to))));
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
    for (NodeView v : nodes.values()) {
      if (v.getBoundsInParent().contains(p)) {
        return v.nodeId();
      }
    }
    return null;
  }

  public void fit() {
    panZoom.fit();
  }

  public void zoom(double factor) {
    panZoom.zoomCentered(factor);
  }

  /** Centres the view on a node, e.g. when it is picked in the explorer or found by name. */
  public void reveal(String id) {
    NodeView v = nodes.get(id);
    if (v == null) {
      return;
    }
    Point2D inParent = content.localToParent(v.getLayoutX() + ProjectViewModel.NODE_WIDTH / 2,
        v.getLayoutY() + ProjectViewModel.NODE_HEIGHT / 2);
    panZoom.pan(getWidth() / 2 - inParent.getX(), getHeight() / 2 - inParent.getY());
  }

  int nodeCount() {
    return nodes.size();
  }
}

package dev.sluice.app.explorer;

import dev.sluice.app.graph.NodeStyle;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.SourceTable;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The project explorer: nodes by kind, then by source or folder. Picking one selects it on the
 * graph.
 */
public final class ExplorerView extends TreeView<ExplorerView.Entry> {

  /** A row: a group (nodeId null) or a node. */
  public record Entry(String label, String nodeId, NodeKind kind) {}

  private boolean updating;
  private java.util.function.Consumer<String> onOpen = id -> {};

  public ExplorerView(ProjectViewModel project) {
    setId("explorer");
    setShowRoot(false);
    setCellFactory(
        t ->
            new TreeCell<>() {
              @Override
              protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                  setText(null);
                  setGraphic(null);
                } else {
                  setText(item.label());
                  setGraphic(
                      item.nodeId() == null
                          ? new FontIcon("mdi2f-folder-outline")
                          : new FontIcon(NodeStyle.icon(item.kind())));
                }
              }
            });
    project
        .manifestProperty()
        .addListener((o, was, m) -> fillAfterThisFrame(m, project.selectedProperty()::get));
    getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, item) -> {
              if (!updating && item != null && item.getValue().nodeId() != null) {
                project.selectedProperty().set(item.getValue().nodeId());
              }
            });
    project.selectedProperty().addListener((o, was, id) -> select(id));
    setOnMouseClicked(
        e -> {
          TreeItem<Entry> item = getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && item != null && item.getValue().nodeId() != null) {
            onOpen.accept(item.getValue().nodeId());
          }
        });
    setOnKeyPressed(
        e -> {
          TreeItem<Entry> item = getSelectionModel().getSelectedItem();
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER
              && item != null
              && item.getValue().nodeId() != null) {
            onOpen.accept(item.getValue().nodeId());
            e.consume();
          }
        });
  }

  /** What a double-click or Enter on a node does: open its SQL. */
  public void setOnOpen(java.util.function.Consumer<String> open) {
    this.onOpen = open;
  }

  /** The manifest a fill waits to show, once the frame being made now is drawn. */
  private Manifest pending;

  private boolean waiting;

  /**
   * Fills the tree once the frame being made now has been laid out, so that a project just opened
   * shows its graph first: with thousands of nodes, the tree's items, its rows and their styles
   * cost the FX thread about as much as the graph's first frame, and the graph is what the person
   * waits for. The tree then selects the selected node, which may have been picked meanwhile.
   */
  private void fillAfterThisFrame(Manifest m, java.util.function.Supplier<String> selected) {
    pending = m;
    javafx.scene.Scene scene = getScene();
    if (m == null || scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
      waiting = false; // no frame to wait for, or nothing to fill: at once
      fill(m);
      return;
    }
    if (waiting) {
      return; // the fill on its way takes the newest manifest
    }
    waiting = true;
    Runnable[] afterLayout = new Runnable[1];
    afterLayout[0] =
        () -> {
          scene.removePostLayoutPulseListener(afterLayout[0]);
          javafx.application.Platform.runLater( // after the frame is handed to the renderer
              () -> {
                if (waiting) {
                  waiting = false;
                  fill(pending);
                  select(selected.get());
                }
              });
        };
    scene.addPostLayoutPulseListener(afterLayout[0]);
    requestLayout(); // a pulse comes
  }

  private void fill(Manifest m) {
    TreeItem<Entry> root = new TreeItem<>(new Entry("project", null, null));
    if (m != null) {
      for (NodeKind kind : NodeKind.values()) {
        Map<String, TreeItem<Entry>> groups = new TreeMap<>();
        TreeItem<Entry> kindItem = new TreeItem<>(new Entry(title(kind), null, kind));
        for (Node n : m.project().nodes()) {
          if (n.kind() != kind) {
            continue;
          }
          String group = groupOf(n);
          TreeItem<Entry> parent =
              group.isEmpty()
                  ? kindItem
                  : groups.computeIfAbsent(group, g -> new TreeItem<>(new Entry(g, null, kind)));
          parent.getChildren().add(new TreeItem<>(new Entry(n.name(), n.uniqueId(), kind)));
        }
        kindItem.getChildren().addAll(0, groups.values());
        if (!kindItem.getChildren().isEmpty()) {
          kindItem.setExpanded(kind != NodeKind.TEST);
          groups.values().forEach(g -> g.setExpanded(true));
          root.getChildren().add(kindItem);
        }
      }
    }
    setRoot(root);
  }

  private static String groupOf(Node n) {
    return switch (n.kind()) {
      case SOURCE -> ((SourceTable) n).sourceName();
      case MODEL -> ((dev.sluice.core.project.Model) n).folder();
      default -> "";
    };
  }

  private static String title(NodeKind k) {
    return switch (k) {
      case SOURCE -> "Sources";
      case SEED -> "Seeds";
      case MODEL -> "Models";
      case SNAPSHOT -> "Snapshots";
      case TEST -> "Tests";
      case EXPORT -> "Exports";
    };
  }

  private void select(String id) {
    if (id == null || getRoot() == null) {
      return;
    }
    TreeItem<Entry> found = find(getRoot(), id);
    if (found != null && getSelectionModel().getSelectedItem() != found) {
      updating = true;
      for (TreeItem<Entry> p = found.getParent(); p != null; p = p.getParent()) {
        p.setExpanded(true);
      }
      getSelectionModel().select(found);
      scrollTo(getRow(found));
      updating = false;
    }
  }

  private static TreeItem<Entry> find(TreeItem<Entry> item, String id) {
    if (id.equals(item.getValue().nodeId())) {
      return item;
    }
    for (TreeItem<Entry> c : item.getChildren()) {
      TreeItem<Entry> f = find(c, id);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}

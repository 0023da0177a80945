package dev.sluice.app.warehouse;

import dev.sluice.core.pipeline.WarehouseTree;
import dev.sluice.core.warehouse.Warehouse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The warehouse browser: the DuckDB file's schemas, their tables and views with row counts, and
 * each one's columns with types. Enter or a double-click shows a table's rows in the Data panel;
 * Ctrl+C copies its name; dragging a table or column drops its name into a SQL editor. When there
 * is nothing to show it says why (not built yet, the file in use by another program).
 */
public final class WarehouseBrowser extends BorderPane {

  /** A row of the tree: a schema, a relation or a column. */
  public record Entry(
      String label, String detail, WarehouseTree.Relation relation, String column, String icon) {

    /** What Ctrl+C copies and a drag carries: the qualified table name, or the column name. */
    public String text() {
      if (column != null) {
        return column.matches("[a-z_][a-z0-9_]*")
            ? column
            : "\"" + column.replace("\"", "\"\"") + "\"";
      }
      return relation != null ? relation.qualifiedName() : label;
    }
  }

  private final WarehouseBrowserModel model;
  private final TreeView<Entry> tree = new TreeView<>();
  private final Label empty = new Label();
  private final TextField filter = new TextField();
  private Consumer<String> onOpen = name -> {};
  private Consumer<String> notify = text -> {};

  public WarehouseBrowser(WarehouseBrowserModel model, Runnable refresh) {
    this.model = model;
    setId("warehouse-browser");
    getStyleClass().add("warehouse-browser");
    tree.setId("warehouse-tree");
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new EntryCell());
    tree.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            openSelected();
          }
        });
    tree.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
            e.consume();
          } else if (COPY.match(e)) {
            copySelected();
            e.consume();
          }
        });
    tree.setContextMenu(menu(refresh));

    empty.setId("warehouse-empty");
    empty.getStyleClass().add("empty-state");
    empty.setWrapText(true);
    empty.setAlignment(Pos.CENTER);
    empty.setPadding(new Insets(16));
    empty.setMaxWidth(Double.MAX_VALUE);

    filter.setId("warehouse-filter");
    filter.setPromptText("Filter tables and columns");
    filter.textProperty().addListener((o, was, now) -> fill(model.treeProperty().get()));
    Button again = new Button(null, new FontIcon("mdi2r-refresh"));
    again.setId("warehouse-refresh");
    again.setTooltip(new Tooltip("Read the warehouse again"));
    again.setOnAction(e -> refresh.run());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(14, 14);
    spinner.setMaxSize(14, 14);
    spinner.visibleProperty().bind(model.loadingProperty());
    spinner.managedProperty().bind(spinner.visibleProperty());
    HBox.setHgrow(filter, Priority.ALWAYS);
    HBox top = new HBox(4, filter, spinner, again);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(4));
    setTop(top);
    setCenter(new StackPane(tree, empty));
    model.treeProperty().addListener((o, was, now) -> fill(now));
    fill(model.treeProperty().get());
  }

  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  /** What opening a table does: gets its qualified name. */
  public void setOnOpen(Consumer<String> open) {
    this.onOpen = open;
  }

  /** Where short confirmations (copied) go. */
  public void setNotify(Consumer<String> notify) {
    this.notify = notify;
  }

  public TreeView<Entry> tree() {
    return tree;
  }

  /** Moves the keyboard into the tree (or the filter when the tree is empty). */
  public void focus() {
    if (tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty()) {
      tree.requestFocus();
      if (tree.getSelectionModel().isEmpty()) {
        tree.getSelectionModel().select(0);
      }
    } else {
      filter.requestFocus();
    }
  }

  private ContextMenu menu(Runnable refresh) {
    MenuItem open = new MenuItem("Open Data (Enter)");
    open.setId("warehouse-open");
    open.setOnAction(e -> openSelected());
    MenuItem copy = new MenuItem("Copy Name (" + COPY.getDisplayText() + ")");
    copy.setId("warehouse-copy");
    copy.setOnAction(e -> copySelected());
    MenuItem select = new MenuItem("Copy SELECT Statement");
    select.setOnAction(
        e -> {
          Entry s = selected();
          if (s != null && s.relation() != null) {
            copy("select *\nfrom " + s.relation().qualifiedName());
          }
        });
    MenuItem again = new MenuItem("Refresh");
    again.setOnAction(e -> refresh.run());
    ContextMenu menu = new ContextMenu(open, copy, select, new SeparatorMenuItem(), again);
    menu.setOnShowing(
        e -> {
          Entry s = selected();
          open.setDisable(s == null || s.relation() == null);
          copy.setDisable(s == null);
          select.setDisable(s == null || s.relation() == null);
        });
    return menu;
  }

  private Entry selected() {
    TreeItem<Entry> item = tree.getSelectionModel().getSelectedItem();
    return item == null ? null : item.getValue();
  }

  /** Shows the selected table's (or the selected column's table's) rows. */
  public void openSelected() {
    Entry s = selected();
    if (s != null && s.relation() != null) {
      onOpen.accept(s.relation().qualifiedName());
    }
  }

  /** Copies the selected name to the clipboard. */
  public void copySelected() {
    Entry s = selected();
    if (s != null) {
      copy(s.text());
    }
  }

  private void copy(String text) {
    ClipboardContent c = new ClipboardContent();
    c.putString(text);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    notify.accept("Copied " + (text.length() > 60 ? text.substring(0, 60) + "…" : text));
  }

  private void fill(WarehouseTree t) {
    TreeItem<Entry> root = new TreeItem<>(new Entry("warehouse", null, null, null, null));
    String needle =
        filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
    int shown = 0;
    if (t != null) {
      Map<String, TreeItem<Entry>> schemas = new TreeMap<>();
      for (WarehouseTree.Relation r : t.relations()) {
        boolean nameMatches =
            needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle);
        TreeItem<Entry> rel =
            new TreeItem<>(
                new Entry(
                    r.name(),
                    detail(r),
                    r,
                    null,
                    r.kind() == Warehouse.RelationKind.VIEW ? "mdi2e-eye-outline" : "mdi2t-table"));
        for (Warehouse.ColumnInfo c : r.columns()) {
          if (nameMatches || c.name().toLowerCase(Locale.ROOT).contains(needle)) {
            rel.getChildren()
                .add(
                    new TreeItem<>(
                        new Entry(
                            c.name(),
                            c.type().toLowerCase(Locale.ROOT) + (c.nullable() ? "" : " not null"),
                            r,
                            c.name(),
                            "mdi2t-table-column")));
          }
        }
        if (!nameMatches && rel.getChildren().isEmpty()) {
          continue;
        }
        rel.setExpanded(!needle.isEmpty() && !nameMatches);
        shown++;
        schemas
            .computeIfAbsent(
                r.schema(),
                s -> {
                  TreeItem<Entry> item =
                      new TreeItem<>(new Entry(s, null, null, null, "mdi2d-database-outline"));
                  item.setExpanded(true);
                  return item;
                })
            .getChildren()
            .add(rel);
      }
      for (TreeItem<Entry> s : schemas.values()) {
        int n = s.getChildren().size();
        s.setValue(
            new Entry(
                s.getValue().label(),
                n + (n == 1 ? " relation" : " relations"),
                null,
                null,
                s.getValue().icon()));
        root.getChildren().add(s);
      }
    }
    tree.setRoot(root);
    String why;
    if (t == null) {
      why = "Open a project to browse its warehouse.";
    } else if (t.problem() != null) {
      why = t.problem();
    } else if (t.relations().isEmpty()) {
      why = "The warehouse has no tables or views yet: build the project (Ctrl+B).";
    } else if (shown == 0) {
      why = "No table or column matches '" + filter.getText().strip() + "'.";
    } else {
      why = null;
    }
    empty.setText(why == null ? "" : why);
    empty.setVisible(why != null);
    tree.setVisible(why == null);
  }

  private static String detail(WarehouseTree.Relation r) {
    if (r.kind() == Warehouse.RelationKind.VIEW) {
      return "view";
    }
    if (r.rows().isEmpty()) {
      return "table";
    }
    long n = r.rows().getAsLong();
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "row" : "rows");
  }

  /** A name with its detail (rows, type) in grey after it; drags carry the name. */
  private static final class EntryCell extends TreeCell<Entry> {
    private final Label name = new Label();
    private final Label detail = new Label();
    private final HBox box = new HBox(6, name, detail);

    EntryCell() {
      detail.getStyleClass().add("column-type");
      box.setAlignment(Pos.CENTER_LEFT);
      setOnDragDetected(
          e -> {
            Entry item = getItem();
            if (item == null || (item.relation() == null && item.column() == null)) {
              return;
            }
            var board = startDragAndDrop(TransferMode.COPY);
            ClipboardContent c = new ClipboardContent();
            c.putString(item.text());
            board.setContent(c);
            e.consume();
          });
    }

    @Override
    protected void updateItem(Entry item, boolean isEmpty) {
      super.updateItem(item, isEmpty);
      setText(null);
      if (isEmpty || item == null) {
        setGraphic(null);
        return;
      }
      name.setText(item.label());
      name.setGraphic(item.icon() == null ? null : new FontIcon(item.icon()));
      detail.setText(item.detail() == null ? "" : item.detail());
      setGraphic(box);
    }
  }
}

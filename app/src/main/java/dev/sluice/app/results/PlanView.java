package dev.sluice.app.results;

import dev.sluice.core.query.PlanNode;
import dev.sluice.core.query.QueryPlan;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * A profiled plan as a tree: one row per operator with its details, the rows it produced, its own
 * time and its share of all operators' time drawn as a bar. The hottest operator's row is marked
 * and selected, and every operator is expanded, so the costly part is in view at once.
 */
public final class PlanView extends BorderPane {
  private final PlanViewModel model;
  private final TreeTableView<PlanNode> tree = new TreeTableView<>();

  public PlanView(PlanViewModel model) {
    this.model = model;
    setId("plan-view");
    getStyleClass().add("plan-view");
    tree.setId("plan-tree");
    tree.setShowRoot(true);
    tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    tree.setPlaceholder(new Label("Explain (Ctrl+Shift+X) shows here how DuckDB ran the query."));

    TreeTableColumn<PlanNode, String> operator = new TreeTableColumn<>("Operator");
    operator.setCellValueFactory(
        f -> new ReadOnlyStringWrapper(f.getValue().getValue().operator()));
    operator.setPrefWidth(270);
    operator.setMinWidth(170);
    TreeTableColumn<PlanNode, Number> rows = new TreeTableColumn<>("Rows");
    rows.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue().rows()));
    rows.setCellFactory(c -> numberCell(v -> String.format(Locale.ROOT, "%,d", v.longValue())));
    rows.setPrefWidth(90);
    rows.setMinWidth(70);
    TreeTableColumn<PlanNode, Number> time = new TreeTableColumn<>("Time");
    time.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue().seconds()));
    time.setCellFactory(c -> numberCell(v -> QueryPlan.millis(v.doubleValue())));
    time.setPrefWidth(88);
    time.setMinWidth(88);
    TreeTableColumn<PlanNode, PlanNode> share = new TreeTableColumn<>("Share");
    share.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
    share.setCellFactory(c -> new ShareCell());
    share.setPrefWidth(130);
    share.setMinWidth(110);
    TreeTableColumn<PlanNode, String> details = new TreeTableColumn<>("Details");
    details.setCellValueFactory(
        f -> new ReadOnlyStringWrapper(f.getValue().getValue().detailsLine()));
    details.setCellFactory(
        c ->
            new TreeTableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
              }
            });
    details.setPrefWidth(420);
    tree.getColumns().setAll(java.util.List.of(operator, rows, time, share, details));
    tree.setRowFactory(
        t ->
            new TreeTableRow<>() {
              @Override
              protected void updateItem(PlanNode item, boolean empty) {
                super.updateItem(item, empty);
                QueryPlan p = model.planProperty().get();
                pseudoClassStateChanged(
                    HOT, !empty && item != null && p != null && item == p.hottest());
              }
            });

    Label status = new Label();
    status.setId("plan-status");
    status.textProperty().bind(model.statusProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.runningProperty());
    ToolBar bar = new ToolBar(spinner, status);
    bar.getStyleClass().add("results-bar");
    Label error = new Label();
    error.setId("plan-error");
    error.getStyleClass().add("results-error");
    error.setWrapText(true);
    error.setPadding(new Insets(8));
    error.textProperty().bind(model.errorProperty());
    error.visibleProperty().bind(model.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    setTop(new VBox(bar, error));
    setCenter(tree);
    model.planProperty().addListener((o, was, now) -> show(now));
    tree.heightProperty().addListener((o, was, now) -> revealHottest());
  }

  private static final javafx.css.PseudoClass HOT = javafx.css.PseudoClass.getPseudoClass("hot");

  private void show(QueryPlan plan) {
    if (plan == null) {
      tree.setRoot(null);
      return;
    }
    TreeItem<PlanNode> root = item(plan.root());
    tree.setRoot(root);
    TreeItem<PlanNode> hot = find(root, plan.hottest());
    if (hot != null) {
      tree.getSelectionModel().select(hot);
      revealHottest();
    }
  }

  /** Scrolls the hottest operator into view (again when the panel grows or shrinks). */
  private void revealHottest() {
    QueryPlan plan = model.planProperty().get();
    TreeItem<PlanNode> hot =
        plan == null || tree.getRoot() == null ? null : find(tree.getRoot(), plan.hottest());
    int row = hot == null ? -1 : tree.getRow(hot);
    if (row >= 0) {
      tree.scrollTo(Math.max(0, row - 1));
    }
  }

  private static TreeItem<PlanNode> item(PlanNode n) {
    TreeItem<PlanNode> i = new TreeItem<>(n);
    i.setExpanded(true);
    n.children().forEach(c -> i.getChildren().add(item(c)));
    return i;
  }

  private static TreeItem<PlanNode> find(TreeItem<PlanNode> at, PlanNode n) {
    if (at.getValue() == n) {
      return at;
    }
    for (TreeItem<PlanNode> c : at.getChildren()) {
      TreeItem<PlanNode> f = find(c, n);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  public TreeTableView<PlanNode> tree() {
    return tree;
  }

  public PlanViewModel model() {
    return model;
  }

  private static TreeTableCell<PlanNode, Number> numberCell(
      java.util.function.Function<Number, String> format) {
    return new TreeTableCell<>() {
      @Override
      protected void updateItem(Number item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : format.apply(item));
        getStyleClass().remove("number-cell");
        if (!empty) {
          getStyleClass().add("number-cell");
        }
      }
    };
  }

  /** The share of the operators' time as a percentage and a bar, red for the hottest. */
  private final class ShareCell extends TreeTableCell<PlanNode, PlanNode> {
    private final Rectangle bar = new Rectangle(0, 10);
    private final Label text = new Label();
    private final StackPane box = new StackPane(bar, text);

    ShareCell() {
      StackPane.setAlignment(bar, javafx.geometry.Pos.CENTER_LEFT);
      StackPane.setAlignment(text, javafx.geometry.Pos.CENTER_RIGHT);
      bar.getStyleClass().add("plan-share-bar");
    }

    @Override
    protected void updateItem(PlanNode item, boolean empty) {
      super.updateItem(item, empty);
      QueryPlan p = model.planProperty().get();
      if (empty || item == null || p == null) {
        setGraphic(null);
        return;
      }
      double s = p.share(item);
      text.setText(String.format(Locale.ROOT, "%.1f%%", 100 * s));
      bar.setWidth(Math.max(1, 70 * s));
      bar.setFill(
          item == p.hottest()
              ? javafx.scene.paint.Color.web("#e5534b")
              : javafx.scene.paint.Color.web("#4a8fe7", 0.7));
      setGraphic(box);
    }
  }
}

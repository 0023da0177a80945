package dev.sluice.app.results;

import dev.sluice.core.query.ResultColumn;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The results grid: a virtualised table over the rows read so far, with each column's type in its
 * header, NULL drawn as such, long text cut to one line, sorting and a filter over the loaded rows,
 * Ctrl+C copying the selection as tab-separated text, and export of the whole result.
 */
public final class ResultsView extends BorderPane {
  /** Cells show at most this many characters; the rest is in the tooltip and the copied text. */
  static final int CELL_CHARS = 200;

  private final QueryViewModel model;
  private final TableView<Object[]> table = new TableView<>();
  private final TextField filter = new TextField();
  private final Label error = new Label();
  private final FilteredList<Object[]> filtered;
  private boolean needsFit;

  public ResultsView(QueryViewModel model, Consumer<String> notify) {
    this.model = model;
    getStyleClass().add("results-view");
    setId("results-view");
    table.setId("results-table");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.getSelectionModel().setCellSelectionEnabled(true);
    table.setPlaceholder(
        new Label("Press Ctrl+Enter in an editor, or Space on a node, to see rows here."));
    filtered = new FilteredList<>(model.rows(), r -> true);
    SortedList<Object[]> sorted = new SortedList<>(filtered);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setOnKeyPressed(
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
            copySelection();
            e.consume();
          } else if (e.isShiftDown() && e.getCode() == KeyCode.ENTER) {
            viewValue();
            e.consume();
          }
        });
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
            viewValue();
          }
        });
    model.columns().addListener((ListChangeListener<ResultColumn>) c -> rebuildColumns());
    // the widths follow the first rows: the header alone says little about the values
    model
        .rows()
        .addListener(
            (ListChangeListener<Object[]>)
                c -> {
                  if (needsFit && !model.rows().isEmpty()) {
                    needsFit = false;
                    fitColumns();
                  }
                });

    filter.setPromptText("Filter loaded rows");
    filter.setId("results-filter");
    filter
        .textProperty()
        .addListener(
            (o, a, text) -> {
              String needle = text.strip().toLowerCase(Locale.ROOT);
              filtered.setPredicate(needle.isEmpty() ? r -> true : r -> matches(r, needle));
            });

    Label status = new Label();
    status.setId("results-status");
    status.textProperty().bind(model.statusProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.runningProperty());
    Button cancel = iconButton("mdi2s-stop", "Cancel the query (Esc)", model::cancel);
    cancel.setId("results-cancel");
    cancel.disableProperty().bind(model.runningProperty().not());
    Button more = new Button("Load more");
    more.setId("results-more");
    more.setOnAction(e -> model.loadMore());
    more.disableProperty().bind(model.moreProperty().not().or(model.runningProperty()));
    MenuButton export = new MenuButton("Export", new FontIcon("mdi2f-file-export-outline"));
    export.setId("results-export");
    export
        .getItems()
        .addAll(exportItem("CSV…", "csv", notify), exportItem("Parquet…", "parquet", notify));
    export
        .disableProperty()
        .bind(
            model
                .sqlProperty()
                .isNull()
                .or(model.runningProperty())
                .or(model.errorProperty().isNotNull()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button fit =
        iconButton(
            "mdi2a-arrow-expand-horizontal",
            "Fit the columns to their values (Ctrl+Shift+F in the grid)",
            this::fitColumns);
    fit.setId("results-fit");
    Button view =
        iconButton(
            "mdi2t-text-box-search-outline",
            "Show the whole value of the cell (Shift+Enter, or a double-click)",
            this::viewValue);
    view.setId("results-view-value");
    table.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.F) {
            fitColumns();
            e.consume();
          }
        });
    ToolBar bar = new ToolBar(spinner, status, gap, filter, more, fit, view, export, cancel);
    bar.getStyleClass().add("results-bar");

    error.setId("results-error");
    error.getStyleClass().add("results-error");
    error.setWrapText(true);
    error.setPadding(new Insets(8));
    error.textProperty().bind(model.errorProperty());
    error.visibleProperty().bind(model.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    error.setAlignment(Pos.TOP_LEFT);
    setTop(new VBox(bar, error));
    setCenter(table);
  }

  private MenuItem exportItem(String label, String extension, Consumer<String> notify) {
    MenuItem item = new MenuItem(label);
    item.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Export the whole result");
          chooser.setInitialFileName("result." + extension);
          chooser
              .getExtensionFilters()
              .add(
                  new FileChooser.ExtensionFilter(
                      extension.toUpperCase(Locale.ROOT), "*." + extension));
          javafx.stage.Window owner = getScene() == null ? null : getScene().getWindow();
          File f = chooser.showSaveDialog(owner);
          if (owner != null) {
            // the desktop's dialog leaves the window without the keyboard focus it thinks it has
            owner.requestFocus();
          }
          if (f != null) {
            model.export(f.toPath(), notify);
          }
        });
    return item;
  }

  private static Button iconButton(String icon, String tip, Runnable action) {
    Button b = new Button(null, new FontIcon(icon));
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  public TableView<Object[]> table() {
    return table;
  }

  public QueryViewModel model() {
    return model;
  }

  private void rebuildColumns() {
    List<TableColumn<Object[], Object>> cols = new ArrayList<>();
    List<ResultColumn> rc = List.copyOf(model.columns());
    for (int i = 0; i < rc.size(); i++) {
      int index = i;
      TableColumn<Object[], Object> col = new TableColumn<>();
      Label name = new Label(rc.get(i).name());
      Label type = new Label(rc.get(i).type().toLowerCase(Locale.ROOT));
      type.getStyleClass().add("column-type");
      col.setGraphic(new VBox(name, type));
      col.setCellValueFactory(
          f ->
              new ReadOnlyObjectWrapper<>(
                  index < f.getValue().length ? f.getValue()[index] : null));
      col.setCellFactory(c -> new ValueCell());
      col.setComparator(VALUES);
      col.setPrefWidth(
          Math.max(90, Math.min(320, 12 + 8 * Math.max(rc.get(i).name().length(), 8))));
      cols.add(col);
    }
    table.getColumns().setAll(cols);
    needsFit = true;
    if (!model.rows().isEmpty()) {
      needsFit = false;
      fitColumns();
    }
  }

  /** Sets each column's width to fit its header and the first rows loaded. */
  public void fitColumns() {
    List<ResultColumn> rc = List.copyOf(model.columns());
    List<TableColumn<Object[], ?>> cols = new ArrayList<>(table.getColumns());
    ColumnFit.fit(
        cols,
        rc.stream().map(ResultColumn::name).toList(),
        rc.stream().map(c -> c.type().toLowerCase(Locale.ROOT)).toList(),
        List.copyOf(table.getItems()));
  }

  /** Opens the value viewer on the focused cell: the whole text, JSON indented. */
  public void viewValue() {
    TablePosition<?, ?> p = table.getFocusModel().getFocusedCell();
    if (p == null || p.getRow() < 0 || p.getTableColumn() == null) {
      return;
    }
    int c = table.getColumns().indexOf(p.getTableColumn());
    List<ResultColumn> rc = List.copyOf(model.columns());
    if (c < 0 || c >= rc.size()) {
      return;
    }
    ValueViewer.show(
        getScene() == null ? null : getScene().getWindow(),
        rc.get(c).name(),
        rc.get(c).type(),
        p.getTableColumn().getCellData(p.getRow()));
  }

  private static boolean matches(Object[] row, String needle) {
    for (Object v : row) {
      if (v != null && String.valueOf(v).toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /** Copies the selected cells as rows of tab-separated values. */
  void copySelection() {
    ClipboardContent content = new ClipboardContent();
    content.putString(selectionAsTsv());
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
  }

  String selectionAsTsv() {
    List<TablePosition> cells = new ArrayList<>(table.getSelectionModel().getSelectedCells());
    cells.sort(
        Comparator.<TablePosition>comparingInt(TablePosition::getRow)
            .thenComparingInt(TablePosition::getColumn));
    StringBuilder sb = new StringBuilder();
    int row = -1;
    for (TablePosition<?, ?> p : cells) {
      if (row >= 0) {
        sb.append(p.getRow() == row ? '\t' : '\n');
      }
      row = p.getRow();
      Object v = p.getTableColumn() == null ? null : p.getTableColumn().getCellData(p.getRow());
      sb.append(v == null ? "" : String.valueOf(v).replace('\t', ' ').replace('\n', ' '));
    }
    return sb.toString();
  }

  /** Sorts numbers as numbers, NULLs first, everything else by its text. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Comparator<Object> VALUES =
      (a, b) -> {
        if (a == null || b == null) {
          return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
          return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
          return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
      };

  /** Draws NULL in grey italics, numbers right-aligned, and long text cut to one line. */
  static final class ValueCell extends TableCell<Object[], Object> {
    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("null-cell", "number-cell");
      setTooltip(null);
      if (empty) {
        setText(null);
        return;
      }
      if (item == null) {
        setText("NULL");
        getStyleClass().add("null-cell");
        return;
      }
      if (item instanceof Number) {
        getStyleClass().add("number-cell");
      }
      String s = String.valueOf(item);
      String oneLine = s.length() > CELL_CHARS ? s.substring(0, CELL_CHARS) + "…" : s;
      setText(oneLine.replace('\n', '⏎'));
      if (s.length() > CELL_CHARS || s.indexOf('\n') >= 0) {
        setTooltip(new Tooltip(s.length() > 4000 ? s.substring(0, 4000) + "…" : s));
      }
    }
  }
}

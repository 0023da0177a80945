package dev.sluice.app.results;

import dev.sluice.core.pipeline.Pipeline;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Results in tabs, as DataGrip keeps them: each query or preview shows in a tab titled by its node
 * or the first words of its query, with its row count and time. A new result goes into the selected
 * tab unless that tab is pinned, then into a new one; so pinning a tab keeps it. Tabs close with
 * their button, a middle click or Ctrl+W; Explain shows its plan in a tab of the same kind.
 */
public final class ResultTabs extends StackPane {
  /** What a tab shows. */
  public enum Kind {
    ROWS,
    PLAN
  }

  private final WarehouseSession session;
  private final Executor worker;
  private final Consumer<Runnable> onUi;
  private final Consumer<String> notify;
  private final Consumer<QueryViewModel> onNewGrid;
  private final TabPane tabs = new TabPane();
  private final BooleanProperty running = new SimpleBooleanProperty();
  private int count;

  /**
   * @param onNewGrid told of every grid a new tab creates, to follow it (an editor jumps to the
   *     line an error names)
   */
  public ResultTabs(
      WarehouseSession session,
      Executor worker,
      Consumer<Runnable> onUi,
      Consumer<String> notify,
      Consumer<QueryViewModel> onNewGrid) {
    this.session = session;
    this.worker = worker;
    this.onUi = onUi;
    this.notify = notify;
    this.onNewGrid = onNewGrid;
    getStyleClass().add("result-tabs");
    tabs.setId("result-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    tabs.getStyleClass().add(TabPane.STYLE_CLASS_FLOATING);
    // titles carry the row count and time: let them be read whole
    tabs.setTabMaxWidth(480);
    Label empty = new Label("Press Ctrl+Enter in an editor, or Space on a node, to see rows here.");
    empty.getStyleClass().add("results-empty");
    empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
    getChildren().addAll(tabs, empty);
    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.W && !tabs.getTabs().isEmpty()) {
            close(selected());
            e.consume();
          }
        });
    tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> followRunning());
    newTab(Kind.ROWS, "Result");
  }

  /** Runs a query into the selected tab, or a new one when that is pinned; returns its grid. */
  public QueryViewModel run(String title, Function<Pipeline, String> compile) {
    ResultTab tab = target(Kind.ROWS, title);
    tab.grid.run(compile);
    return tab.grid;
  }

  /** Profiles a query's plan into the selected plan tab, or a new one when that is pinned. */
  public PlanViewModel explain(String title, Function<Pipeline, String> compile) {
    ResultTab tab = target(Kind.PLAN, title);
    tab.plan.explain(title, compile);
    return tab.plan;
  }

  /** A tab's title for a query: its first few words, without comments. */
  public static String titleOf(String sql) {
    String text =
        sql == null
            ? ""
            : sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ").strip();
    String[] words = text.split("\\s+");
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() + w.length() > 28) {
        sb.append(sb.length() == 0 ? w.substring(0, Math.min(w.length(), 28)) : "").append("…");
        break;
      }
      sb.append(sb.length() == 0 ? "" : " ").append(w);
    }
    return sb.length() == 0 ? "Query" : sb.toString();
  }

  private ResultTab target(Kind kind, String title) {
    ResultTab now = selected();
    ResultTab tab =
        now != null && now.kind == kind && !now.pinned.get() ? now : newTab(kind, title);
    tab.name = title;
    tab.retitle();
    tabs.getSelectionModel().select(tab);
    return tab;
  }

  private ResultTab newTab(Kind kind, String title) {
    ResultTab tab = new ResultTab(kind, title, ++count);
    // a new tab goes after the selected one, so pinned results keep their order
    int at = tabs.getSelectionModel().getSelectedIndex();
    tabs.getTabs().add(at < 0 ? tabs.getTabs().size() : at + 1, tab);
    if (tab.grid != null) {
      onNewGrid.accept(tab.grid);
    }
    return tab;
  }

  /** The selected tab, or null when every tab is closed. */
  public ResultTab selected() {
    return (ResultTab) tabs.getSelectionModel().getSelectedItem();
  }

  /** The grid of the selected tab, or of a new one when none is a grid. */
  public QueryViewModel current() {
    return currentGrid().model();
  }

  /** The selected tab's grid, or the last grid tab's, or a new tab's. */
  public ResultsView currentGrid() {
    ResultTab s = selected();
    if (s != null && s.kind == Kind.ROWS) {
      return s.gridView;
    }
    List<ResultTab> all = resultTabs();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).kind == Kind.ROWS) {
        return all.get(i).gridView;
      }
    }
    return newTab(Kind.ROWS, "Result").gridView;
  }

  public List<ResultTab> resultTabs() {
    return tabs.getTabs().stream().map(ResultTab.class::cast).toList();
  }

  public TabPane tabPane() {
    return tabs;
  }

  /** Whether the selected tab's query is running. */
  public BooleanProperty runningProperty() {
    return running;
  }

  /** Cancels the selected tab's query. */
  public void cancel() {
    ResultTab s = selected();
    if (s != null) {
      s.cancel();
    }
  }

  /** Closes a tab and stops what it runs. */
  public void close(ResultTab tab) {
    if (tab != null && tabs.getTabs().remove(tab)) {
      tab.dispose();
    }
  }

  /** Closes every tab (another project was opened) and leaves one empty grid. */
  public void clear() {
    List.copyOf(resultTabs()).forEach(this::close);
    count = 0;
    newTab(Kind.ROWS, "Result");
  }

  /** Closes every tab; the owner goes away. */
  public void dispose() {
    List.copyOf(resultTabs()).forEach(this::close);
  }

  private javafx.beans.value.ChangeListener<Boolean> runningFollower;
  private javafx.beans.property.ReadOnlyBooleanProperty followed;

  private void followRunning() {
    if (followed != null) {
      followed.removeListener(runningFollower);
    }
    ResultTab s = selected();
    followed = s == null ? null : s.runningProperty();
    if (followed == null) {
      running.set(false);
      return;
    }
    runningFollower = (o, a, b) -> running.set(b);
    followed.addListener(runningFollower);
    running.set(followed.get());
  }

  /** One result: a grid or a plan, pinned or not. */
  public final class ResultTab extends Tab {
    private final Kind kind;
    private final QueryViewModel grid;
    private final ResultsView gridView;
    private final PlanViewModel plan;
    private final PlanView planView;
    private final BooleanProperty pinned = new SimpleBooleanProperty();
    private final ToggleButton pin = new ToggleButton();
    private String name;

    ResultTab(Kind kind, String name, int number) {
      this.kind = kind;
      this.name = name;
      setId("result-tab-" + number);
      getStyleClass().add("result-tab");
      if (kind == Kind.ROWS) {
        grid = new QueryViewModel(session, worker, onUi);
        gridView = new ResultsView(grid, notify);
        plan = null;
        planView = null;
        setContent(gridView);
        grid.statusProperty().addListener((o, a, b) -> retitle());
        grid.runningProperty().addListener((o, a, b) -> retitle());
        grid.errorProperty().addListener((o, a, b) -> retitle());
      } else {
        grid = null;
        gridView = null;
        plan = new PlanViewModel(session, worker, onUi);
        planView = new PlanView(plan);
        setContent(planView);
        plan.statusProperty().addListener((o, a, b) -> retitle());
        plan.errorProperty().addListener((o, a, b) -> retitle());
      }
      pin.setId("result-tab-pin");
      pin.getStyleClass().add("result-pin");
      pin.setFocusTraversable(false);
      pin.setPickOnBounds(true);
      pin.setTooltip(new Tooltip("Pin: the next result opens in a new tab instead of this one"));
      pin.selectedProperty().bindBidirectional(pinned);
      pin.setGraphic(new FontIcon("mdi2p-pin-outline"));
      pinned.addListener(
          (o, a, on) -> {
            pin.setGraphic(new FontIcon(on ? "mdi2p-pin" : "mdi2p-pin-outline"));
            pseudoClassStateChanged(PINNED, on);
          });
      // the pin before the title, where a narrow header never cuts it
      setGraphic(pin);
      MenuItem pinItem = new MenuItem();
      pinItem
          .textProperty()
          .bind(javafx.beans.binding.Bindings.when(pinned).then("Unpin Tab").otherwise("Pin Tab"));
      pinItem.setOnAction(e -> pinned.set(!pinned.get()));
      MenuItem closeItem = new MenuItem("Close Tab");
      closeItem.setOnAction(e -> close(this));
      MenuItem others = new MenuItem("Close Other Tabs");
      others.setOnAction(
          e ->
              resultTabs().stream()
                  .filter(t -> t != this)
                  .toList()
                  .forEach(ResultTabs.this::close));
      setContextMenu(new ContextMenu(pinItem, closeItem, others));
      setOnClosed(e -> dispose());
      retitle();
    }

    void retitle() {
      String text = name;
      if (kind == Kind.ROWS) {
        if (grid.runningProperty().get()) {
          text += " · running…";
        } else if (grid.errorProperty().get() != null) {
          text += " · failed";
        } else if (grid.sqlProperty().get() != null && !grid.columns().isEmpty()) {
          text +=
              String.format(
                  Locale.ROOT,
                  " · %,d%s %s · %,d ms",
                  grid.rows().size(),
                  grid.moreProperty().get() ? "+" : "",
                  grid.rows().size() == 1 && !grid.moreProperty().get() ? "row" : "rows",
                  Math.max(0, grid.firstRowsMillisProperty().get()));
        }
      } else {
        text = "Plan: " + name;
        if (plan.runningProperty().get()) {
          text += " · running…";
        } else if (plan.errorProperty().get() != null) {
          text += " · failed";
        } else if (plan.planProperty().get() != null) {
          text +=
              " · "
                  + dev.sluice.core.query.QueryPlan.millis(
                      plan.planProperty().get().totalSeconds());
        }
      }
      setText(text);
      // a narrow header cuts the title: the tooltip has it whole
      setTooltip(new Tooltip(text));
    }

    /** The title as shown: the node or query, its rows and its time. */
    public String title() {
      return getText();
    }

    public Kind kind() {
      return kind;
    }

    public BooleanProperty pinnedProperty() {
      return pinned;
    }

    /** The grid, for a tab of rows; null for a plan. */
    public QueryViewModel grid() {
      return grid;
    }

    public ResultsView gridView() {
      return gridView;
    }

    /** The plan, for an Explain tab; null for rows. */
    public PlanViewModel plan() {
      return plan;
    }

    public PlanView planView() {
      return planView;
    }

    javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
      return grid != null ? grid.runningProperty() : plan.runningProperty();
    }

    void cancel() {
      if (grid != null) {
        grid.cancel();
      } else {
        plan.cancel();
      }
    }

    private boolean disposed;

    void dispose() {
      if (!disposed) {
        disposed = true;
        if (grid != null) {
          grid.dispose();
        } else {
          plan.cancel();
        }
      }
    }
  }

  private static final javafx.css.PseudoClass PINNED =
      javafx.css.PseudoClass.getPseudoClass("pinned");
}

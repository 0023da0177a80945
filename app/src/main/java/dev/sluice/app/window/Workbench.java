package dev.sluice.app.window;

import dev.sluice.app.editor.SqlWorkspace;
import dev.sluice.app.explorer.ExplorerView;
import dev.sluice.app.graph.NodeStyle;
import dev.sluice.app.graph.NodeView;
import dev.sluice.app.graph.PipelineView;
import dev.sluice.app.inspector.InspectorView;
import dev.sluice.app.palette.PaletteView;
import dev.sluice.app.project.GraphEditing;
import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.app.runs.HistoryView;
import dev.sluice.app.runs.HistoryViewModel;
import dev.sluice.app.runs.RunPanel;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.app.runs.RunService;
import dev.sluice.app.runs.RunViewModel;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.Node;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's content: explorer on the left, the graph in the middle, the inspector on the
 * right, and the run, history and problems panels below. It wires view-models to views; the menus
 * live in {@link WorkbenchMenus}, the commands in {@link WorkbenchCommands}.
 */
public final class Workbench extends BorderPane {
  final ProjectViewModel project;
  final RunViewModel runs = new RunViewModel();
  final RunService runService;
  final HistoryViewModel history;
  final dev.sluice.app.quality.QualityViewModel quality;
  final PipelineView graph;
  final GraphEditing editing;
  final SqlWorkspace sql;
  final dev.sluice.app.lineage.LineageViewModel lineage;
  final WorkbenchCommands commands;
  final dev.sluice.app.runs.AssetHistoryModel assetHistory;
  final dev.sluice.app.warehouse.WarehouseBrowserModel warehouse;
  final dev.sluice.app.warehouse.WarehouseBrowser warehouseBrowser;
  private final TabPane side = new TabPane();
  private final dev.sluice.app.editor.ProjectAssist assist =
      new dev.sluice.app.editor.ProjectAssist();
  private final TabPane bottom = new TabPane();
  private final SplitPane vertical;
  final PanelToggles panels;
  private final Label status = new Label();
  private final Label message = new Label();
  private final TextField find = new TextField();
  private final Consumer<String> notify;

  public Workbench(Executor background, Consumer<Runnable> onUiThread, Consumer<String> notify) {
    this.notify =
        text -> {
          if (text == null) {
            return;
          }
          message.setText(text);
          notify.accept(text);
        };
    project = new ProjectViewModel(background, onUiThread);
    runService = new RunService(background, onUiThread, runs, PipelineOptions.defaults());
    history = new HistoryViewModel(background, onUiThread);
    history.manifest(() -> project.manifestProperty().get());
    quality = new dev.sluice.app.quality.QualityViewModel(background, onUiThread);
    graph = new PipelineView(project, runs, this::run);
    editing = new GraphEditing(project, text -> this.notify.accept(text));
    graph.setEditing(editing);
    ExplorerView explorer = new ExplorerView(project);
    InspectorView inspector = new InspectorView(project, editing);
    lineage = new dev.sluice.app.lineage.LineageViewModel(background, onUiThread);
    project.manifestProperty().addListener((o, was, m) -> lineage.parsed(m));
    graph.setLineage(lineage);
    inspector.trackImpact(lineage);
    RunPanel runPanel = new RunPanel(runs, runService::cancel);
    assetHistory = new dev.sluice.app.runs.AssetHistoryModel(background, onUiThread);
    HistoryView historyView =
        new HistoryView(
            history,
            runs,
            run ->
                history.open(duckdbPath(), run.runId(), past -> runs.showPast(run.runId(), past)));
    BorderPane canvas = new BorderPane(graph);
    canvas.setLeft(new PaletteView(graph, editing));
    sql = new SqlWorkspace(project, canvas, onUiThread, this.notify, assist);
    bottom
        .getTabs()
        .addAll(
            tab("Run", runPanel),
            tab("History", historyView),
            // Problems, Data and Profile keep their places: views select them by index
            tab("Problems", new ProblemsView(project, sql.sqlProblems(), sql::open)),
            tab("Data", sql.previewTabs()),
            tab("Profile", sql.profileView()),
            tab("Automation", automation(background, onUiThread)),
            tab("Quality", new dev.sluice.app.quality.QualityView(quality)),
            tab(
                "Lineage",
                new dev.sluice.app.lineage.LineagePane(
                    lineage,
                    project.selectedProperty(),
                    project.manifestProperty()::get,
                    this.notify)),
            tab("Usages", sql.usagesView()),
            tab("Node History", assetHistoryView()));
    graph.setQuality(quality);
    bottom.setId("bottom-tabs");
    bottom
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> refreshAssetHistory());
    project.selectedProperty().addListener((o, was, now) -> refreshAssetHistory());
    graph.addEventHandler(
        javafx.scene.input.MouseEvent.MOUSE_CLICKED,
        e -> {
          String card = cardUnder(e);
          if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY
              && e.getClickCount() == 2
              && card != null) {
            openEditor(card);
          }
        });
    explorer.setOnOpen(this::openEditor);
    warehouse = new dev.sluice.app.warehouse.WarehouseBrowserModel(background, onUiThread);
    warehouseBrowser =
        new dev.sluice.app.warehouse.WarehouseBrowser(warehouse, this::refreshWarehouse);
    warehouseBrowser.setOnOpen(this::previewRelation);
    warehouseBrowser.setNotify(this.notify);
    side.getTabs().addAll(tab("Project", explorer), tab("Warehouse", warehouseBrowser));
    side.setId("side-tabs");
    side.getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, was, now) -> {
              if (now.intValue() == 1) {
                refreshWarehouse();
              }
            });
    SplitPane middle = new SplitPane(side, sql.tabs(), inspector);
    middle.setDividerPositions(0.18, 0.78);
    SplitPane.setResizableWithParent(side, false);
    SplitPane.setResizableWithParent(inspector, false);
    vertical = new SplitPane(middle, bottom);
    vertical.setOrientation(Orientation.VERTICAL);
    vertical.setDividerPositions(0.68);
    panels =
        new PanelToggles(
            java.util.prefs.Preferences.userNodeForPackage(Workbench.class),
            middle,
            side, // the explorer and the warehouse browser, as tabs
            inspector,
            vertical,
            bottom);
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    panels.restore(screen.getWidth(), screen.getHeight());
    // an editor gets the height it needs for its own results; the graph's panels come back with the
    // graph
    double[] graphDivider = {0.68};
    sql.tabs()
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, was, now) -> {
              if (was.intValue() == 0 && now.intValue() > 0) {
                graphDivider[0] = vertical.getDividerPositions()[0];
                vertical.setDividerPositions(0.94);
              } else if (now.intValue() == 0 && was.intValue() > 0) {
                vertical.setDividerPositions(graphDivider[0]);
              }
            });
    commands = new WorkbenchCommands(this);
    graph.setCommands(commands);
    // a project that opens puts the keyboard on its graph (arrows, Enter, F2), not in the first
    // text box of the toolbar, where JavaFX would put it
    project
        .manifestProperty()
        .addListener(
            (o, was, m) -> {
              javafx.scene.Scene scene = graph.getScene();
              if (was == null && m != null && scene != null) {
                javafx.scene.Node f = scene.getFocusOwner();
                if (f == null || "run-select".equals(f.getId())) {
                  graph.requestFocus();
                }
              }
            });
    PackagesViewModel packages =
        new PackagesViewModel(
            background,
            onUiThread,
            text -> {
              this.notify.accept(text);
              project.reload();
            });
    project.rootProperty().addListener((o, was, now) -> packages.check(now));
    setTop(new javafx.scene.layout.VBox(toolbar(), new PackagesBar(packages)));
    setCenter(vertical);
    status.textProperty().bind(project.statusProperty());
    status.setId("status-bar");
    message.setId("status-message");
    Label runStatus = new Label();
    runStatus.textProperty().bind(runs.statusProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox statusBar = new HBox(16, status, message, spacer, runStatus);
    statusBar.getStyleClass().add("status-bar");
    setBottom(statusBar);

    project
        .selectedProperty()
        .addListener(
            (o, was, id) -> {
              if (id != null) {
                runPanelSelect(runPanel, id);
              }
            });
    project
        .problems()
        .addListener(
            (javafx.collections.ListChangeListener<dev.sluice.core.project.ProjectProblem>)
                c -> {
                  if (project.problems().stream()
                      .anyMatch(dev.sluice.core.project.ProjectProblem::isError)) {
                    bottom.getSelectionModel().select(2);
                  }
                });
    project
        .manifestProperty()
        .addListener(
            (o, was, m) -> {
              if (m != null) {
                history.refresh(duckdbPath());
                refreshWarehouseIfShown();
                quality.refresh(duckdbPath(), m);
              }
            });
    // another project starts from its own state: no badges, rows or history of the last one
    project
        .rootProperty()
        .addListener(
            (o, was, root) -> {
              runs.reset();
              history.clear();
              warehouse.clear();
              assetHistory.clear();
            });
  }

  /** The node whose card the mouse event happened on, or null. */
  private static String cardUnder(javafx.scene.input.MouseEvent e) {
    for (Object t = e.getTarget(); t instanceof javafx.scene.Node n; t = n.getParent()) {
      if (n instanceof NodeView v) {
        return v.nodeId();
      }
    }
    return null;
  }

  /** Opens the node's SQL in an editor tab (nodes without SQL of their own are previewed). */
  public void openEditor(String nodeId) {
    if (sql.openEditor(nodeId).isEmpty() && nodeId != null) {
      bottom.getSelectionModel().select(3);
    }
  }

  /** Shows the node's rows in the Data panel. */
  public void preview(String nodeId) {
    bottom.getSelectionModel().select(3);
    sql.preview(nodeId);
  }

  /** Shows a warehouse table's rows in the Data panel. */
  public void previewRelation(String qualifiedName) {
    bottom.getSelectionModel().select(3);
    sql.previewRelation(qualifiedName);
  }

  /** Reads the warehouse browser's catalog again (after a build, or on request). */
  void refreshWarehouse() {
    if (project.manifestProperty().get() == null) {
      warehouse.clear();
    } else {
      warehouse.refresh(duckdbPath());
    }
  }

  private void refreshWarehouseIfShown() {
    if (side.getSelectionModel().getSelectedIndex() == 1) {
      refreshWarehouse();
    }
  }

  /** Shows the project explorer (0) or the warehouse browser (1) and moves the keyboard there. */
  void showSide(int index) {
    side.getSelectionModel().select(index);
    if (index == 1) {
      warehouseBrowser.focus();
    } else {
      side.getTabs().get(0).getContent().requestFocus();
    }
  }

  public dev.sluice.app.warehouse.WarehouseBrowser warehouseBrowser() {
    return warehouseBrowser;
  }

  private dev.sluice.app.runs.AssetHistoryView assetHistoryView() {
    return new dev.sluice.app.runs.AssetHistoryView(
        assetHistory,
        id -> {
          Manifest m = project.manifestProperty().get();
          return m == null ? id : m.node(id).map(Node::name).orElse(id);
        });
  }

  /** Reads the selected node's builds when the Node History tab is in front. */
  private void refreshAssetHistory() {
    Tab t = bottom.getSelectionModel().getSelectedItem();
    if (t != null && "Node History".equals(t.getText())) {
      assetHistory.show(duckdbPath(), project.selectedProperty().get());
    }
  }

  /** Shows the selected node's builds across runs (the Node History tab). */
  void showAssetHistory() {
    bottom.getTabs().stream()
        .filter(t -> "Node History".equals(t.getText()))
        .findFirst()
        .ifPresent(t -> bottom.getSelectionModel().select(t));
    refreshAssetHistory();
  }

  /** Lists the nodes that ref the node at hand (Shift+F12) in the Usages panel. */
  void findUsages(String selected) {
    sql.findUsages(sql.usagesSubject(selected));
    bottom.getTabs().stream()
        .filter(t -> "Usages".equals(t.getText()))
        .findFirst()
        .ifPresent(t -> bottom.getSelectionModel().select(t));
    sql.usagesView().list().requestFocus();
  }

  /** Open Project File: the YAML and macro files, chosen from a filtered list. */
  void chooseProjectFile() {
    dev.sluice.app.editor.ProjectFileChooser.choose(
            getScene() == null ? null : getScene().getWindow(), sql.projectFiles())
        .ifPresent(f -> sql.openFile(f, 1, 1));
  }

  /** Profiles the node's columns in the Profile panel. */
  public void profile(String nodeId) {
    bottom.getSelectionModel().select(4);
    sql.profile(nodeId);
  }

  /**
   * Shows a node's plan as DuckDB runs it in the Data panel (the editor in front explains its own).
   */
  public void explain(String nodeId) {
    var editor = sql.selectedEditor();
    if (editor != null) {
      editor.explain();
      return;
    }
    bottom.getSelectionModel().select(3);
    sql.explain(nodeId);
  }

  /** Adds a tab next to the pipeline graph, or selects it if one with the same id is open. */
  public Tab openTab(Tab tab) {
    return sql.openTab(tab);
  }

  public SqlWorkspace sql() {
    return sql;
  }

  private static void runPanelSelect(RunPanel panel, String id) {
    panel.select(id);
  }

  private ToolBar toolbar() {
    find.setPromptText("Find a node (Ctrl+F)");
    find.setId("find-node");
    find.setOnAction(e -> findNode(find.getText()));
    // the matches as a list under the box while typing; choosing one goes to it
    org.controlsfx.control.textfield.TextFields.bindAutoCompletion(
            find, request -> findMatches(request.getUserText()))
        .setOnAutoCompleted(e -> findNode(e.getCompletion()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    // a run of what a selector picks, in the CLI's language: tag:, path:, +name, name+, @name
    TextField select = new TextField();
    select.setId("run-select");
    select.setPromptText("Run: tag:… path:… +name name+");
    select.setPrefColumnCount(16);
    select.setTooltip(
        new javafx.scene.control.Tooltip(
            "Enter builds what the selector picks, as sluice build --select would;"
                + " state:modified+ picks what changed since the last successful build"));
    select.setOnAction(
        e -> {
          if (!select.getText().isBlank()) {
            run(RunRequest.selector(select.getText()));
          }
        });
    return new ToolBar(
        commands.button("build-all"),
        select,
        commands.button("retry-failed"),
        commands.button("cancel-run"),
        new javafx.scene.control.Separator(),
        commands.button("fit"),
        commands.button("relayout"),
        commands.button("reload"),
        gap,
        find);
  }

  private javafx.scene.Node automation(Executor background, Consumer<Runnable> onUiThread) {
    var vm =
        new dev.sluice.app.automation.AutomationViewModel(
            background, onUiThread, java.time.Clock.systemDefaultZone());
    vm.setOnRunsChanged(() -> history.refresh(duckdbPath()));
    return new dev.sluice.app.automation.AutomationView(vm, project.manifestProperty());
  }

  /**
   * A panel's tab. Its content joins the scene when the tab is first shown, so the panels behind
   * other tabs cost no skins or CSS while the window opens.
   */
  private static Tab tab(String title, javafx.scene.Node content) {
    Tab t = new Tab(title);
    t.setClosable(false);
    t.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now && t.getContent() == null) {
                t.setContent(content);
              }
            });
    return t;
  }

  /** The names of the nodes that contain {@code text}: those starting with it first. */
  java.util.List<String> findMatches(String text) {
    Manifest m = project.manifestProperty().get();
    if (m == null || text == null || text.isBlank()) {
      return java.util.List.of();
    }
    String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
    return m.project().nodes().stream()
        .map(NodeStyle::title)
        .filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains(needle))
        .distinct()
        .sorted(
            java.util.Comparator.comparing(
                    (String t) -> !t.toLowerCase(java.util.Locale.ROOT).startsWith(needle))
                .thenComparing(String::length)
                .thenComparing(t -> t))
        .limit(20)
        .toList();
  }

  /**
   * Selects the node named {@code text} (or else the first whose name contains it) and zooms to it.
   */
  public boolean findNode(String text) {
    Manifest m = project.manifestProperty().get();
    if (m == null || text == null || text.isBlank()) {
      return false;
    }
    String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
    Node hit = null;
    for (Node n : m.project().nodes()) {
      String title = NodeStyle.title(n).toLowerCase(java.util.Locale.ROOT);
      if (title.equals(needle)) {
        hit = n;
        break;
      }
      if (hit == null && title.contains(needle)) {
        hit = n;
      }
    }
    if (hit != null) {
      project.selectedProperty().set(hit.uniqueId());
      graph.zoomTo(hit.uniqueId());
      return true;
    }
    notify.accept("No node matches '" + text.strip() + "'");
    return false;
  }

  void focusFind() {
    find.requestFocus();
    find.selectAll();
  }

  /** Starts a run through the same pipeline as the CLI; the run panel shows it. */
  public void run(RunRequest request) {
    Path root = project.rootProperty().get();
    if (root == null || runs.runningProperty().get()) {
      return;
    }
    bottom.getSelectionModel().select(0);
    // a run shows its panel: back from hidden, or from the sliver an editor left it
    panels.show(PanelToggles.Panel.BOTTOM);
    if (vertical.getItems().contains(bottom) && vertical.getDividerPositions()[0] > 0.85) {
      vertical.setDividerPositions(
          sql.tabs().getSelectionModel().getSelectedIndex() > 0 ? 0.6 : 0.68);
    }
    runService.start(
        root,
        request.command(),
        request.select(),
        summary -> {
          history.refresh(duckdbPath());
          refreshWarehouseIfShown();
          refreshAssetHistory();
          if (project.manifestProperty().get() != null) {
            quality.refresh(duckdbPath(), project.manifestProperty().get());
          }
          project.refreshStaleness();
          assist.forgetCatalog();
          sql.checkAllIfSmall();
          notify.accept(
              summary.durationMillis() > 10_000 ? "Finished: " + runs.statusProperty().get() : "");
        },
        error -> notify.accept("Could not run: " + error.getMessage()));
  }

  String duckdbPath() {
    Manifest m = project.manifestProperty().get();
    return m == null ? ":memory:" : m.project().settings().target(null).path();
  }

  public ProjectViewModel project() {
    return project;
  }

  public RunViewModel runs() {
    return runs;
  }

  public dev.sluice.app.quality.QualityViewModel quality() {
    return quality;
  }

  public PipelineView graph() {
    return graph;
  }
}

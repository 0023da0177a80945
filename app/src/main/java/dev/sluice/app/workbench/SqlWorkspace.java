package dev.sluice.app.workbench;

import dev.sluice.app.editor.EditorContext;
import dev.sluice.app.editor.EditorTab;
import dev.sluice.app.editor.SqlAssist;
import dev.sluice.app.results.ProfileView;
import dev.sluice.app.results.ProfileViewModel;
import dev.sluice.app.results.QueryViewModel;
import dev.sluice.app.results.ResultsView;
import dev.sluice.app.results.WarehouseSession;
import dev.sluice.core.graph.Manifest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.SingularTest;
import dev.sluice.core.query.Previews;
import dev.sluice.core.run.PipelineOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The data side of the workbench: the centre tabs (the pipeline graph first, then SQL editors and
 * scratch queries), and the Data and Profile panels that previews from the graph fill. It owns the
 * warehouse session the editors share and the threads they work on.
 */
public final class SqlWorkspace {
  private final ProjectViewModel project;
  private final TabPane tabs = new TabPane();
  private final WarehouseSession session = new WarehouseSession(PipelineOptions.defaults());
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("sluice-editor"));
  private final ExecutorService queries = Executors.newCachedThreadPool(daemon("sluice-query"));
  private final EditorContext context;
  private final QueryViewModel preview;
  private final ProfileViewModel profile;
  private final ResultsView previewView;
  private final ProfileView profileView;
  private int scratch;

  SqlWorkspace(ProjectViewModel project, javafx.scene.Node graph, Consumer<Runnable> onUi, Consumer<String> notify,
      SqlAssist assist) {
    this.project = project;
    Tab pipeline = new Tab("Pipeline", graph);
    pipeline.setClosable(false);
    pipeline.setId("pipeline-tab");
    tabs.getTabs().add(pipeline);
    tabs.setId("workspace-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    context = new EditorContext(session, worker, queries, onUi, project.manifestProperty()::get, () -> {
      project.ownChange();
      project.reload();
    }, notify, assist, SqlWorkspace::confirmDiscard);
    preview = new QueryViewModel(session, queries, onUi);
    profile = new ProfileViewModel(session, queries, onUi);
    previewView = new ResultsView(preview, notify);
    profileView = new ProfileView(profile);
    project.manifestProperty().addListener((o, was, m) -> {
      session.setManifest(m);
      editors().forEach(t -> t.projectReloaded(m));
    });
    session.setManifest(project.manifestProperty().get());
  }

  TabPane tabs() {
    return tabs;
  }

  ResultsView previewView() {
    return previewView;
  }

  ProfileView profileView() {
    return profileView;
  }

  /** Adds a tab to the centre (or selects it if a tab with the same id is open). */
  public Tab openTab(Tab tab) {
    Optional<Tab> open = tab.getId() == null ? Optional.empty() : find(tab.getId());
    if (open.isPresent()) {
      tabs.getSelectionModel().select(open.get());
      return open.get();
    }
    tabs.getTabs().add(tab);
    tabs.getSelectionModel().select(tab);
    return tab;
  }

  /** Opens a node's SQL in an editor; nodes without a SQL file of their own are previewed instead. */
  public Optional<EditorTab> openEditor(String nodeId) {
    Manifest m = project.manifestProperty().get();
    Node node = m == null || nodeId == null ? null : m.node(nodeId).orElse(null);
    if (node == null) {
      return Optional.empty();
    }
    boolean ownFile = node.kind() == NodeKind.MODEL || node.kind() == NodeKind.SNAPSHOT || node instanceof SingularTest;
    if (!ownFile) {
      preview(nodeId);
      return Optional.empty();
    }
    Path file = m.project().root().resolve(node.file());
    Optional<Tab> open = find("editor-" + nodeId);
    if (open.isPresent() && open.get() instanceof EditorTab already) {
      tabs.getSelectionModel().select(already);
      return Optional.of(already);
    }
    EditorTab editor = new EditorTab(context, node, file, node.name());
    openTab(editor);
    editor.editor().area().requestFocus();
    return Optional.of(editor);
  }

  /** A scratch query tab: SQL with {{ ref() }}, run with Ctrl+Enter, never saved. */
  public EditorTab newQuery() {
    EditorTab tab = new EditorTab(context, null, null, "Query " + (++scratch));
    tab.setId("editor-query-" + scratch);
    tab.editor().load("select *\nfrom ");
    openTab(tab);
    tab.editor().area().end(org.fxmisc.richtext.NavigationActions.SelectionPolicy.CLEAR);
    tab.editor().area().requestFocus();
    return tab;
  }

  /** Shows a node's rows in the Data panel. */
  public void preview(String nodeId) {
    if (nodeId == null || project.manifestProperty().get() == null) {
      return;
    }
    preview.run(p -> Previews.sqlFor(p, p.manifest().node(nodeId).orElseThrow(
        () -> new dev.sluice.core.query.QueryException("the node " + nodeId + " no longer exists"))));
  }

  /** Profiles a node's columns in the Profile panel. */
  public void profile(String nodeId) {
    Manifest m = project.manifestProperty().get();
    if (nodeId == null || m == null) {
      return;
    }
    String name = m.node(nodeId).map(Node::name).orElse(nodeId);
    profile.profile(name, p -> Previews.sqlFor(p, p.manifest().node(nodeId).orElseThrow()));
  }

  public java.util.List<EditorTab> editors() {
    return tabs.getTabs().stream().filter(EditorTab.class::isInstance).map(EditorTab.class::cast).toList();
  }

  public EditorTab selectedEditor() {
    Tab t = tabs.getSelectionModel().getSelectedItem();
    return t instanceof EditorTab e ? e : null;
  }

  /** Closes the selected tab unless it is the graph (Ctrl+W). */
  public void closeSelected() {
    Tab t = tabs.getSelectionModel().getSelectedItem();
    if (t == null || !t.isClosable()) {
      return;
    }
    javafx.event.Event close = new javafx.event.Event(Tab.TAB_CLOSE_REQUEST_EVENT);
    if (t.getOnCloseRequest() != null) {
      t.getOnCloseRequest().handle(close);
    }
    if (!close.isConsumed()) {
      tabs.getTabs().remove(t);
      if (t.getOnClosed() != null) {
        t.getOnClosed().handle(new javafx.event.Event(Tab.CLOSED_EVENT));
      }
    }
  }

  /** True if no editor has unsaved edits, or the user chose to discard them. */
  public boolean canClose() {
    long dirty = editors().stream().filter(EditorTab::isDirty).count();
    return dirty == 0 || confirmDiscard(dirty + " unsaved file" + (dirty == 1 ? "" : "s"));
  }

  private static boolean confirmDiscard(String what) {
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Discard unsaved changes to " + what + "?", ButtonType.CANCEL,
        ButtonType.YES);
    a.setHeaderText("Unsaved changes");
    return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
  }

  void close() {
    worker.shutdownNow();
    queries.shutdownNow();
    session.close();
  }

  private Optional<Tab> find(String id) {
    return tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}

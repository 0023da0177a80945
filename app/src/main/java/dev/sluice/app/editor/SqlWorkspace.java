package dev.sluice.app.editor;

import dev.sluice.app.project.ProjectViewModel;
import dev.sluice.app.results.ProfileView;
import dev.sluice.app.results.ProfileViewModel;
import dev.sluice.app.results.ResultTabs;
import dev.sluice.app.results.ResultsView;
import dev.sluice.app.results.WarehouseSession;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.SingularTest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
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
  // after close, work an editor's timer still asks for (a check, a catalog read) is dropped
  private final ExecutorService worker =
      new java.util.concurrent.ThreadPoolExecutor(
          1,
          1,
          0L,
          java.util.concurrent.TimeUnit.MILLISECONDS,
          new java.util.concurrent.LinkedBlockingQueue<>(),
          daemon("sluice-editor"),
          new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
  private final ExecutorService queries =
      new java.util.concurrent.ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          60L,
          java.util.concurrent.TimeUnit.SECONDS,
          new java.util.concurrent.SynchronousQueue<>(),
          daemon("sluice-query"),
          new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
  private final EditorContext context;
  private final ResultTabs preview;
  private final ProfileViewModel profile;
  private final ProfileView profileView;
  private final SqlAssist assist;
  private final javafx.collections.ObservableList<dev.sluice.core.project.ProjectProblem>
      sqlProblems = javafx.collections.FXCollections.observableArrayList();
  private final Consumer<Runnable> onUi;
  private volatile long checkGeneration;
  private int scratch;
  private final UsagesView usagesView;

  /**
   * Projects up to this size have every model's SQL checked after each load; larger ones on
   * request.
   */
  static final int CHECK_ALL_LIMIT = 300;

  public SqlWorkspace(
      ProjectViewModel project,
      javafx.scene.Node graph,
      Consumer<Runnable> onUi,
      Consumer<String> notify,
      SqlAssist assist) {
    this.project = project;
    this.assist = assist;
    this.onUi = onUi;
    Tab pipeline = new Tab("Pipeline", graph);
    pipeline.setClosable(false);
    pipeline.setId("pipeline-tab");
    tabs.getTabs().add(pipeline);
    tabs.setId("workspace-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
    context =
        new EditorContext(
            session,
            worker,
            queries,
            onUi,
            project.manifestProperty()::get,
            project::saveFile,
            notify,
            assist,
            SqlWorkspace::confirmDiscard);
    preview = new ResultTabs(session, queries, onUi, notify, grid -> {});
    preview.setId("data-results");
    profile = new ProfileViewModel(session, queries, onUi);
    profileView = new ProfileView(profile);
    usagesView = new UsagesView(n -> goTo(null, n));
    project
        .manifestProperty()
        .addListener(
            (o, was, m) -> {
              session.setManifest(m);
              editors().forEach(t -> t.projectReloaded(m));
              fileTabs().forEach(t -> t.projectReloaded(m));
              sqlProblems.clear();
              checkAllIfSmall();
            });
    session.setManifest(project.manifestProperty().get());
    project
        .rootProperty()
        .addListener(
            (o, was, root) -> {
              preview.clear();
              profile.clear();
            });
  }

  public TabPane tabs() {
    return tabs;
  }

  /** The Data panel's grid in front (the selected result tab's). */
  public ResultsView previewView() {
    return preview.currentGrid();
  }

  /** The Data panel's result tabs, which previews from the graph and the warehouse fill. */
  public ResultTabs previewTabs() {
    return preview;
  }

  public ProfileView profileView() {
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

  /**
   * Opens a node's SQL in an editor; nodes without a SQL file of their own are previewed instead.
   */
  public Optional<EditorTab> openEditor(String nodeId) {
    Manifest m = project.manifestProperty().get();
    Node node = m == null || nodeId == null ? null : m.node(nodeId).orElse(null);
    if (node == null) {
      return Optional.empty();
    }
    boolean ownFile =
        node.kind() == NodeKind.MODEL
            || node.kind() == NodeKind.SNAPSHOT
            || node instanceof SingularTest;
    if (!ownFile) {
      preview(nodeId);
      return Optional.empty();
    }
    Path file = m.project().root().resolve(node.file());
    Optional<Tab> open = find("editor-" + nodeId);
    if (open.isPresent() && open.get() instanceof EditorTab already) {
      tabs.getSelectionModel().select(already);
      already.focusEditor();
      return Optional.of(already);
    }
    EditorTab editor = new EditorTab(context, node, file, node.name());
    navigable(editor.editor());
    openTab(editor);
    editor.focusEditor();
    return Optional.of(editor);
  }

  /** Checks every model by itself (after a load or a run) when the project is small enough. */
  public void checkAllIfSmall() {
    Manifest m = project.manifestProperty().get();
    if (m != null && m.project().nodes().size() <= CHECK_ALL_LIMIT) {
      checkAll();
    }
  }

  /**
   * Checks every model's and SQL test's saved SQL against the warehouse, on a query thread, and
   * lists what it finds in the Problems panel with file and line.
   */
  public void checkAll() {
    long gen = ++checkGeneration;
    Manifest m = project.manifestProperty().get();
    String path = m == null ? null : m.project().settings().target(null).path();
    if (path == null
        || (!path.equals(":memory:") && !java.nio.file.Files.exists(java.nio.file.Path.of(path)))) {
      // never built: every ref would only say "not built yet", and opening would create the file
      sqlProblems.clear();
      return;
    }
    // not on the editor's worker: a few hundred models take seconds, and typing must stay coloured
    queries.execute(
        () -> {
          java.util.List<dev.sluice.core.project.ProjectProblem> found =
              new java.util.ArrayList<>();
          try {
            dev.sluice.core.pipeline.Pipeline p = session.pipeline();
            for (Node n : p.manifest().project().nodes()) {
              if (gen != checkGeneration) {
                return;
              }
              if (n.kind() != NodeKind.MODEL && !(n instanceof SingularTest)) {
                continue;
              }
              String text = Manifest.sqlOf(n);
              for (var mark : assist.check(p, n, text == null ? "" : text)) {
                int line = lineOf(text, mark.start());
                String message = mark.message().replaceFirst("^line \\d+: ", "");
                found.add(
                    mark.style().endsWith("error")
                        ? dev.sluice.core.project.ProjectProblem.error(n.file(), line, message)
                        : dev.sluice.core.project.ProjectProblem.warning(n.file(), line, message));
              }
            }
          } catch (RuntimeException e) {
            return; // no warehouse to check against (a broken project); loading already listed why
          }
          onUi.accept(
              () -> {
                if (gen == checkGeneration) {
                  sqlProblems.setAll(found);
                }
              });
        });
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  public javafx.collections.ObservableList<dev.sluice.core.project.ProjectProblem> sqlProblems() {
    return sqlProblems;
  }

  /** Opens the file a problem names at its line, when it is a node's SQL file. */
  public void open(dev.sluice.core.project.ProjectProblem problem) {
    Manifest m = project.manifestProperty().get();
    if (m == null || problem.file() == null) {
      return;
    }
    Path file = problem.file();
    if (file.isAbsolute() && file.startsWith(m.project().root())) {
      file = m.project().root().relativize(file);
    }
    openFile(file, Math.max(1, problem.line()), Math.max(1, problem.column()));
  }

  /**
   * Opens a project file at a line: a model's, snapshot's or SQL test's file in its node's editor,
   * any other (YAML, macros) in a file tab. Returns the editor it shows in, or empty when there is
   * no such file.
   */
  public Optional<SqlEditor> openFile(Path relative, int line, int column) {
    Manifest m = m();
    if (m == null || relative == null) {
      return Optional.empty();
    }
    Optional<SqlEditor> shown =
        m.project().nodes().stream()
            .filter(n -> relative.equals(n.file()))
            .findFirst()
            .flatMap(n -> openEditor(n.uniqueId()))
            .map(EditorTab::editor);
    if (shown.isEmpty()) {
      if (!java.nio.file.Files.isRegularFile(m.project().root().resolve(relative))) {
        return Optional.empty();
      }
      Optional<Tab> open = find(FileTab.idFor(relative));
      FileTab tab;
      if (open.isPresent() && open.get() instanceof FileTab already) {
        tab = already;
      } else {
        tab = new FileTab(context, m.project().root(), relative);
        navigable(tab.editor());
      }
      openTab(tab);
      shown = Optional.of(tab.editor());
    }
    SqlEditor editor = shown.get();
    // after the tab is on screen, so the caret line scrolls into view
    javafx.application.Platform.runLater(() -> editor.goToLine(line, column));
    return shown;
  }

  /**
   * Goes to the definition of what is written at {@code offset} of {@code text} (F12, Ctrl+click):
   * a ref's model, a source's YAML line, a macro's file and line. Says so when there is none.
   */
  public boolean goToDefinition(String text, int offset) {
    Optional<Definitions.Place> place = Definitions.at(m(), text, offset);
    if (place.isEmpty()) {
      context.tell().accept("No definition found here: F12 works on ref(), source() and macros");
      return false;
    }
    return goTo(place.get(), null);
  }

  private boolean goTo(Definitions.Place place, Node fallback) {
    if (place == null && fallback != null) {
      place = new Definitions.Place(fallback.file(), fallback.line(), fallback.uniqueId(), "");
    }
    if (place == null) {
      return false;
    }
    return openFile(place.file(), place.line(), 1).isPresent();
  }

  /** Goes to where a node is defined: a model's SQL, a source's YAML at its line, a seed's CSV. */
  public boolean goToNode(String nodeId) {
    Manifest m = m();
    Node n = m == null || nodeId == null ? null : m.node(nodeId).orElse(null);
    return n != null && goTo(null, n);
  }

  /**
   * The node Find Usages is about: the ref() or source() at the caret of the selected editor, else
   * that editor's own node, else {@code selected}.
   */
  public String usagesSubject(String selected) {
    Tab t = tabs.getSelectionModel().getSelectedItem();
    SqlEditor editor =
        t instanceof EditorTab e ? e.editor() : t instanceof FileTab f ? f.editor() : null;
    if (editor != null) {
      Optional<Definitions.Place> at =
          Definitions.at(m(), editor.text(), editor.area().getCaretPosition());
      if (at.isPresent() && at.get().nodeId() != null) {
        return at.get().nodeId();
      }
      if (t instanceof EditorTab e && e.nodeId() != null) {
        return e.nodeId();
      }
    }
    return selected;
  }

  /** Lists in the Usages panel the nodes that ref {@code nodeId}. */
  public void findUsages(String nodeId) {
    Manifest m = m();
    Node n = m == null || nodeId == null ? null : m.node(nodeId).orElse(null);
    if (n == null) {
      usagesView.show("nothing selected", java.util.List.of());
      return;
    }
    usagesView.show(n.name(), Definitions.usages(m, nodeId));
  }

  public UsagesView usagesView() {
    return usagesView;
  }

  private void navigable(SqlEditor editor) {
    editor.setNavigation(at -> goToDefinition(editor.text(), at));
  }

  /**
   * Goes to the definition at the caret of the selected editor, or of the selected node when the
   * graph is in front (F12).
   */
  public void goToDefinitionOrNode(String selected) {
    Tab t = tabs.getSelectionModel().getSelectedItem();
    SqlEditor editor =
        t instanceof EditorTab e ? e.editor() : t instanceof FileTab f ? f.editor() : null;
    if (editor != null) {
      goToDefinition(editor.text(), editor.area().getCaretPosition());
    } else {
      goToNode(selected);
    }
  }

  /** The project's YAML and macro files, relative to its root, for Open Project File. */
  public java.util.List<Path> projectFiles() {
    Manifest m = m();
    if (m == null) {
      return java.util.List.of();
    }
    Path root = m.project().root();
    java.util.List<Path> out = new java.util.ArrayList<>();
    try (var walk = java.nio.file.Files.walk(root, 6)) {
      walk.filter(java.nio.file.Files::isRegularFile)
          .map(root::relativize)
          .filter(
              r -> {
                String first = r.getName(0).toString();
                String name = r.getFileName().toString();
                return !first.equals("target")
                    && !first.equals("dbt_packages")
                    && !first.startsWith(".")
                    && (FileTab.isYaml(r) || (first.equals("macros") && name.endsWith(".sql")));
              })
          .sorted(
              java.util.Comparator.comparing((Path r) -> r.getNameCount())
                  .thenComparing(Path::toString))
          .forEach(out::add);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return out;
    }
    return out;
  }

  private Manifest m() {
    return project.manifestProperty().get();
  }

  public java.util.List<FileTab> fileTabs() {
    return tabs.getTabs().stream()
        .filter(FileTab.class::isInstance)
        .map(FileTab.class::cast)
        .toList();
  }

  /** A scratch query tab: SQL with {{ ref() }}, run with Ctrl+Enter, never saved. */
  public EditorTab newQuery() {
    EditorTab tab = new EditorTab(context, null, null, "Query " + (++scratch));
    tab.setId("editor-query-" + scratch);
    navigable(tab.editor());
    tab.editor().load("select *\nfrom ");
    openTab(tab);
    tab.editor().area().end(org.fxmisc.richtext.NavigationActions.SelectionPolicy.CLEAR);
    tab.focusEditor();
    return tab;
  }

  /** Shows a node's rows in the Data panel. */
  public void preview(String nodeId) {
    if (nodeId == null || project.manifestProperty().get() == null) {
      return;
    }
    String name = project.manifestProperty().get().node(nodeId).map(Node::name).orElse(nodeId);
    preview.run(
        name,
        p ->
            Previews.sqlFor(
                p,
                p.manifest()
                    .node(nodeId)
                    .orElseThrow(
                        () ->
                            new dev.sluice.core.query.QueryException(
                                "the node " + nodeId + " no longer exists"))));
  }

  /**
   * Shows the rows of any table or view of the warehouse in the Data panel; {@code qualifiedName}
   * is quoted as the warehouse needs it.
   */
  public void previewRelation(String qualifiedName) {
    if (project.manifestProperty().get() != null) {
      preview.run(qualifiedName.replace("\"", ""), p -> "select * from " + qualifiedName);
    }
  }

  /**
   * Shows a node's plan as DuckDB runs it (EXPLAIN ANALYZE) in the Data panel: a model's compiled
   * SQL as its editor runs it, any other node's preview query.
   */
  public void explain(String nodeId) {
    Manifest m = project.manifestProperty().get();
    if (nodeId == null || m == null) {
      return;
    }
    String name = m.node(nodeId).map(Node::name).orElse(nodeId);
    preview.explain(
        name,
        p -> {
          Node n =
              p.manifest()
                  .node(nodeId)
                  .orElseThrow(
                      () ->
                          new dev.sluice.core.query.QueryException(
                              "the node " + nodeId + " no longer exists"));
          return n instanceof dev.sluice.core.project.Model model
              ? Previews.compileModelText(p, model, model.sql())
              : Previews.sqlFor(p, n);
        });
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
    return tabs.getTabs().stream()
        .filter(EditorTab.class::isInstance)
        .map(EditorTab.class::cast)
        .toList();
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
    long dirty =
        editors().stream().filter(EditorTab::isDirty).count()
            + fileTabs().stream().filter(FileTab::isDirty).count();
    return dirty == 0 || confirmDiscard(dirty + " unsaved file" + (dirty == 1 ? "" : "s"));
  }

  private static boolean confirmDiscard(String what) {
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Discard unsaved changes to " + what + "?",
            ButtonType.CANCEL,
            ButtonType.YES);
    a.setHeaderText("Unsaved changes");
    return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
  }

  public void close() {
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

package dev.sluice.app.editor;

import dev.sluice.app.results.ProfileView;
import dev.sluice.app.results.ProfileViewModel;
import dev.sluice.app.results.QueryViewModel;
import dev.sluice.app.results.ResultTabs;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.query.QueryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One node's SQL file in a tab: the editor, its compiled form, and the results and profile below.
 * Ctrl+Enter runs the selection or the whole model (compiled, refs resolved) and streams rows into
 * the grid; Ctrl+S writes the file atomically; checks run after each pause in typing.
 */
public final class EditorTab extends Tab {
  private final EditorContext ctx;
  private final String nodeId;
  private final Path file;
  private final SqlEditor editor;
  private final SqlEditor compiledView;
  private final ResultTabs results;
  private final ProfileViewModel profile;
  private final TabPane lower = new TabPane();
  private final Label problems = new Label();
  private final ToggleButton compiled = new ToggleButton("Compiled");
  private final PauseTransition checkLater = new PauseTransition(Duration.millis(400));
  private final String title;
  private String saved;
  private long checkGeneration;

  /**
   * An editor for {@code node}'s file; with a null node and file, a scratch query that is never
   * saved.
   */
  public EditorTab(EditorContext ctx, Node node, Path file, String title) {
    this.ctx = ctx;
    this.nodeId = node == null ? null : node.uniqueId();
    this.file = file;
    this.title = title;
    setId(node == null ? "editor-query" : "editor-" + node.uniqueId());
    editor = new SqlEditor(ctx.worker());
    compiledView = new SqlEditor(ctx.worker());
    compiledView.area().setEditable(false);
    compiledView.setVisible(false);
    results =
        new ResultTabs(ctx.session(), ctx.queries(), ctx.onUi(), ctx.tell(), this::followErrors);
    profile = new ProfileViewModel(ctx.session(), ctx.queries(), ctx.onUi());
    String text = readFile();
    saved = text;
    editor.load(text);
    editor.setCompletions(
        (sourceText, caret, show) ->
            ctx.worker()
                .execute(
                    () -> {
                      dev.sluice.core.sqlassist.Completion c;
                      try {
                        c = ctx.assist().complete(ctx.session().pipeline(), sourceText, caret);
                      } catch (RuntimeException e) {
                        return;
                      }
                      ctx.onUi().accept(() -> show.accept(c));
                    }));

    Tab resultsTab = new Tab("Results", results);
    Tab profileTab = new Tab("Profile", new ProfileView(profile));
    resultsTab.setClosable(false);
    profileTab.setClosable(false);
    lower.getTabs().addAll(resultsTab, profileTab);
    SplitPane split = new SplitPane(new StackPane(editor, compiledView), lower);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    BorderPane content = new BorderPane(split);
    content.setTop(toolbar());
    setContent(content);
    updateTitle();

    // listening to the text property would build the whole text on every keystroke; changes do not
    editor
        .area()
        .plainTextChanges()
        .subscribe(
            change -> {
              updateTitle();
              checkLater.playFromStart();
            });
    checkLater.setOnFinished(e -> check());
    content.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    setOnCloseRequest(
        e -> {
          if (isDirty() && !ctx.confirmDiscard().test(getText())) {
            e.consume();
          }
        });
    setOnClosed(
        e -> {
          results.dispose();
          profile.cancel();
          editor.dispose();
          compiledView.dispose();
        });
    check();
  }

  /** A new result grid's errors move the caret to the line they name. */
  private void followErrors(QueryViewModel grid) {
    grid.errorLineProperty()
        .addListener(
            (o, a, line) -> {
              if (line.intValue() > 0 && !compiled.isSelected() && !editor.hasSelection()) {
                editor.goToLine(line.intValue(), 1);
              }
            });
  }

  private ToolBar toolbar() {
    Button run =
        button("mdi2p-play", "Run", "Run the model or the selection (Ctrl+Enter)", this::run);
    run.setId("editor-run");
    Button stop = button("mdi2s-stop", null, "Cancel the query", results::cancel);
    stop.disableProperty().bind(results.runningProperty().not());
    ToggleButton source = new ToggleButton("Source");
    ToggleGroup view = new ToggleGroup();
    source.setToggleGroup(view);
    compiled.setToggleGroup(view);
    compiled.setId("editor-compiled");
    source.setSelected(true);
    view.selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                was.setSelected(true);
                return;
              }
              showCompiled(now == compiled);
            });
    Button explain =
        button(
            "mdi2f-file-tree",
            "Explain",
            "Show how DuckDB runs the model or the selection, as a tree (Ctrl+Shift+X)",
            this::explain);
    explain.setId("editor-explain");
    Button prof =
        button(
            "mdi2c-chart-bar",
            "Profile",
            "Profile the model's columns (Ctrl+Shift+P)",
            this::profile);
    prof.setId("editor-profile");
    Button save =
        button("mdi2c-content-save-outline", "Save", "Write the file (Ctrl+S)", this::save);
    save.setId("editor-save");
    save.setDisable(file == null);
    problems.setId("editor-problems");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    return new ToolBar(
        run,
        stop,
        new javafx.scene.control.Separator(),
        source,
        compiled,
        new javafx.scene.control.Separator(),
        explain,
        prof,
        save,
        gap,
        problems);
  }

  private static Button button(String icon, String text, String tip, Runnable action) {
    Button b = new Button(text, new FontIcon(icon));
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
      run();
      e.consume();
    } else if (e.getCode() == KeyCode.S && e.isShortcutDown()) {
      save();
      e.consume();
    } else if (e.getCode() == KeyCode.P && e.isShortcutDown() && e.isShiftDown()) {
      profile();
      e.consume();
    } else if (e.getCode() == KeyCode.X && e.isShortcutDown() && e.isShiftDown()) {
      explain();
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE && results.runningProperty().get()) {
      results.cancel();
      e.consume();
    }
  }

  /**
   * Puts the keyboard in the editor once the tab is on screen. Switching tabs hides the graph,
   * which had the focus, and JavaFX hands the focus on during the next pulse; asking two frames
   * later makes the editor's request the last word.
   */
  public void focusEditor() {
    new javafx.animation.AnimationTimer() {
      private int frames;

      @Override
      public void handle(long now) {
        if (++frames >= 2) {
          stop();
          if (isSelected()) {
            editor.area().requestFocus();
          }
        }
      }
    }.start();
  }

  /** Runs the selection, or the whole text compiled as this node, into the results grid. */
  public void run() {
    lower.getSelectionModel().select(0);
    boolean selection = editor.hasSelection();
    String text = editor.selectionOrAll();
    results.run(resultTitle(text, selection), sqlOf(text, selection));
  }

  /**
   * Runs the selection, or the whole text compiled as this node, with profiling, and shows its plan
   * as a tree in a result tab.
   */
  public void explain() {
    lower.getSelectionModel().select(0);
    boolean selection = editor.hasSelection();
    String text = editor.selectionOrAll();
    results.explain(resultTitle(text, selection), sqlOf(text, selection));
  }

  /** The node's name for its whole text, else the first words of the query. */
  private String resultTitle(String text, boolean selection) {
    return nodeId != null && !selection ? title : ResultTabs.titleOf(text);
  }

  public void profile() {
    lower.getSelectionModel().select(1);
    profile.profile(nodeName(), sqlOf(editor.text(), false));
  }

  private Function<Pipeline, String> sqlOf(String text, boolean selection) {
    return p -> {
      Node node = nodeId == null ? null : p.manifest().node(nodeId).orElse(null);
      if (selection || node == null) {
        return Previews.compileAdHoc(p, text);
      }
      if (node instanceof Model m) {
        return Previews.compileModelText(p, m, text);
      }
      if (node.kind() == NodeKind.SNAPSHOT) {
        return Previews.sqlFor(p, node);
      }
      return Previews.compileAdHoc(p, text);
    };
  }

  private void showCompiled(boolean show) {
    compiledView.setVisible(show);
    editor.setVisible(!show);
    if (!show) {
      return;
    }
    compiledView.load("-- compiling…");
    Function<Pipeline, String> compile = sqlOf(editor.text(), false);
    ctx.queries()
        .execute(
            () -> {
              String out;
              try {
                out = compile.apply(ctx.session().pipeline());
              } catch (QueryException ex) {
                out = "-- " + ex.getMessage().replace("\n", "\n-- ");
              } catch (RuntimeException ex) {
                out = "-- could not compile: " + ex.getMessage();
              }
              String shown = out;
              ctx.onUi().accept(() -> compiledView.load(shown));
            });
  }

  /** Checks the text on the worker; the newest check wins. */
  private void check() {
    long gen = ++checkGeneration;
    String text = editor.text();
    ctx.worker()
        .execute(
            () -> {
              List<Highlighting.Mark> marks;
              try {
                Pipeline p = ctx.session().pipeline();
                Optional<Node> node = nodeId == null ? Optional.empty() : p.manifest().node(nodeId);
                marks = node.isPresent() ? ctx.assist().check(p, node.get(), text) : List.of();
              } catch (RuntimeException e) {
                marks = List.of();
              }
              List<Highlighting.Mark> found = marks;
              ctx.onUi()
                  .accept(
                      () -> {
                        if (gen == checkGeneration && editor.text().equals(text)) {
                          editor.setMarks(found);
                          problems.setText(
                              found.isEmpty()
                                  ? "No problems"
                                  : found.size() == 1 ? "1 problem" : found.size() + " problems");
                          problems.setTooltip(
                              found.isEmpty() ? null : new Tooltip(found.get(0).message()));
                        }
                      });
            });
  }

  public boolean save() {
    String text = editor.text();
    if (text.equals(saved) || file == null) {
      return true;
    }
    try {
      ctx.save().save(file, text);
      saved = text;
      editor.area().getUndoManager().mark();
      updateTitle();
      return true;
    } catch (IOException e) {
      ctx.tell().accept("Could not save " + file.getFileName() + ": " + e.getMessage());
      return false;
    }
  }

  /** The project reloaded: take the file's new text if this tab has no unsaved edits. */
  public void projectReloaded(Manifest manifest) {
    if (manifest == null || nodeId == null || manifest.node(nodeId).isEmpty()) {
      return;
    }
    String onDisk = readFile();
    if (!isDirty() && !onDisk.equals(saved)) {
      saved = onDisk;
      editor.load(onDisk);
      updateTitle();
    }
    check();
  }

  private String readFile() {
    try {
      return file != null && Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Unsaved edits of a file (undoing back to the saved text makes it clean); a scratch query is
   * never dirty.
   */
  public boolean isDirty() {
    if (file == null || editor.area().getUndoManager().isAtMarkedPosition()) {
      return false;
    }
    // a length that differs settles it without building the text, which is most keystrokes
    return editor.area().getLength() != saved.length() || !editor.text().equals(saved);
  }

  private void updateTitle() {
    setText(title + (isDirty() ? " ●" : ""));
  }

  private String nodeName() {
    return title;
  }

  public String nodeId() {
    return nodeId;
  }

  public SqlEditor editor() {
    return editor;
  }

  /** The grid of the result tab in front. */
  public QueryViewModel results() {
    return results.current();
  }

  /** This editor's result tabs. */
  public ResultTabs resultTabs() {
    return results;
  }

  public ProfileViewModel profileModel() {
    return profile;
  }
}

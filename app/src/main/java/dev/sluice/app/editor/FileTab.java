package dev.sluice.app.editor;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.ProjectProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A project file that is not one node's SQL in a tab: the YAML (schema.yml, sources, sluice.yml,
 * dbt_project.yml) coloured as YAML, or a macro file as SQL. The problems the project's last load
 * found in the file are underlined at their lines, as in a model's editor; Ctrl+S writes the file
 * and the project reloads.
 */
public final class FileTab extends Tab {
  private final EditorContext ctx;
  private final Path relative;
  private final Path file;
  private final SqlEditor editor;
  private final Label problems = new Label();
  private String saved;

  FileTab(EditorContext ctx, Path root, Path relative) {
    this.ctx = ctx;
    this.relative = relative;
    this.file = root.resolve(relative);
    setId(idFor(relative));
    editor = new SqlEditor(ctx.worker(), isYaml(relative) ? YamlLexer::lex : SqlLexer::lex);
    saved = read();
    editor.load(saved);
    Button save = new Button("Save", new FontIcon("mdi2c-content-save-outline"));
    save.setTooltip(new Tooltip("Write the file (Ctrl+S)"));
    save.setId("file-save");
    save.setOnAction(e -> save());
    problems.setId("file-problems");
    Label path = new Label(relative.toString().replace('\\', '/'));
    path.getStyleClass().add("column-type");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    BorderPane content = new BorderPane(editor);
    content.setTop(new ToolBar(save, path, gap, problems));
    content.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.S && e.isShortcutDown()) {
            save();
            e.consume();
          }
        });
    setContent(content);
    editor.area().plainTextChanges().subscribe(c -> updateTitle());
    setOnCloseRequest(
        e -> {
          if (isDirty() && !ctx.confirmDiscard().test(getText())) {
            e.consume();
          }
        });
    setOnClosed(e -> editor.dispose());
    updateTitle();
    showProblems(ctx.manifest().get());
  }

  static String idFor(Path relative) {
    return "file-" + relative.toString().replace('\\', '/');
  }

  static boolean isYaml(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  public Path relative() {
    return relative;
  }

  public SqlEditor editor() {
    return editor;
  }

  public boolean isDirty() {
    return !editor.area().getUndoManager().isAtMarkedPosition() && !editor.text().equals(saved);
  }

  public boolean save() {
    String text = editor.text();
    if (text.equals(saved)) {
      return true;
    }
    try {
      ctx.save().save(file, text);
      saved = text;
      editor.area().getUndoManager().mark();
      updateTitle();
      return true;
    } catch (IOException e) {
      ctx.tell().accept("Could not save " + relative + ": " + e.getMessage());
      return false;
    }
  }

  /** The project reloaded: take the file's new text unless edited here, and its new problems. */
  void projectReloaded(Manifest m) {
    String onDisk = read();
    if (!isDirty() && !onDisk.equals(saved)) {
      saved = onDisk;
      editor.load(onDisk);
      updateTitle();
    }
    showProblems(m);
  }

  /** Underlines the lines the project's problems name in this file. */
  private void showProblems(Manifest m) {
    List<ProjectProblem> found = new ArrayList<>();
    if (m != null) {
      for (ProjectProblem p : m.problems()) {
        if (p.file() != null && (p.file().equals(relative) || p.file().equals(file))) {
          found.add(p);
        }
      }
    }
    String text = editor.text();
    List<Highlighting.Mark> marks = new ArrayList<>();
    for (ProjectProblem p : found) {
      int[] range = lineRange(text, Math.max(1, p.line()));
      marks.add(
          new Highlighting.Mark(
              range[0],
              range[1],
              p.isError() ? "diagnostic-error" : "diagnostic-warning",
              p.message()));
    }
    editor.setMarks(marks);
    problems.setText(
        found.isEmpty()
            ? "No problems"
            : found.size() == 1 ? "1 problem" : found.size() + " problems");
    problems.setTooltip(found.isEmpty() ? null : new Tooltip(found.get(0).message()));
  }

  /** The offsets of a line's text without its indent (at least one character). */
  static int[] lineRange(String text, int line) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    end = end < 0 ? text.length() : end;
    int from = start;
    while (from < end && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    if (from == end) {
      from = start;
    }
    return new int[] {from, Math.max(end, from + 1)};
  }

  private String read() {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private void updateTitle() {
    setText(file.getFileName() + (isDirty() ? " ●" : ""));
  }
}

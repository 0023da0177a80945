package dev.sluice.app.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * A SQL and Jinja editor: line numbers, highlighting off the FX thread, the current line and
 * matching brackets marked, auto-indent, Ctrl+/ comments, find and replace, and error underlines
 * whose message shows on hover. What the keys Ctrl+Enter and Ctrl+S do belongs to its owner.
 */
public final class SqlEditor extends BorderPane {
  private final CodeArea area = new CodeArea();
  private final Highlighting highlighting;
  private final FindBar findBar;
  private final Popup hover = new Popup();
  private final Label hoverText = new Label();
  private final CompletionPopup completion;
  private Completions completions = (text, caret, show) -> {};
  private int[] brackets = {};
  private int currentLine = -1;

  public SqlEditor(Executor worker) {
    this(worker, SqlLexer::lex);
  }

  /** An editor coloured by {@code lexer}: {@link YamlLexer#lex} for the project's YAML. */
  public SqlEditor(
      Executor worker, java.util.function.Function<String, List<List<SqlLexer.Run>>> lexer) {
    getStyleClass().add("sql-editor");
    area.getStyleClass().add("sql-area");
    area.setId("sql-area");
    area.setParagraphGraphicFactory(LineNumberFactory.get(area));
    highlighting = new Highlighting(area, worker, this::markBrackets, lexer);
    findBar = new FindBar(area);
    TextDrop.install(area);
    setTop(findBar);
    setCenter(new VirtualizedScrollPane<>(area));

    area.currentParagraphProperty().addListener((o, was, now) -> markCurrentLine());
    area.caretPositionProperty().addListener((o, was, now) -> markBrackets());
    area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    completion = new CompletionPopup(area);
    area.addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
    area.plainTextChanges()
        .subscribe(
            change -> {
              if (completion.isShowing()) {
                javafx.application.Platform.runLater(this::complete);
              }
            });
    area.caretPositionProperty()
        .addListener(
            (o, was, now) -> {
              if (completion.isShowing()
                  && now.intValue() < was.intValue()
                  && now.intValue() == 0) {
                completion.hide();
              }
            });

    hoverText.getStyleClass().add("editor-hover");
    hover.getContent().add(hoverText);
    area.setMouseOverTextDelay(Duration.ofMillis(350));
    area.addEventHandler(
        MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
        e -> {
          Highlighting.Mark m = highlighting.markAt(e.getCharacterIndex());
          if (m != null) {
            hoverText.setText(m.message());
            Point2D p = e.getScreenPosition();
            hover.show(area, p.getX(), p.getY() + 12);
          }
        });
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
  }

  public CodeArea area() {
    return area;
  }

  /**
   * Replaces the whole text, for a file just opened: colours at once, and no undo back to empty.
   */
  public void load(String text) {
    area.replaceText(text);
    area.getUndoManager().forgetHistory();
    area.getUndoManager().mark();
    area.moveTo(0);
    area.requestFollowCaret();
    highlighting.refreshNow();
    markCurrentLine();
  }

  public String text() {
    return area.getText();
  }

  /** The selected text, or the whole text when nothing is selected. */
  public String selectionOrAll() {
    String s = area.getSelectedText();
    return s.isBlank() ? area.getText() : s;
  }

  public boolean hasSelection() {
    return !area.getSelectedText().isBlank();
  }

  /** Underlines ranges with their messages (diagnostics); an empty list clears them. */
  public void setMarks(List<Highlighting.Mark> marks) {
    highlighting.setMarks(marks);
  }

  public List<Highlighting.Mark> marks() {
    return highlighting.marks();
  }

  /** The style classes at a text offset, for tests and the screenshot check. */
  public Collection<String> stylesAt(int offset) {
    return area.getStyleOfChar(offset);
  }

  public void goToLine(int line, int column) {
    int p = Math.max(0, Math.min(area.getParagraphs().size() - 1, line - 1));
    int c = Math.max(0, Math.min(area.getParagraph(p).length(), column - 1));
    area.moveTo(p, c);
    area.requestFollowCaret();
    area.requestFocus();
  }

  /**
   * What F12 or Ctrl+click does: gets the text offset (the caret, or where the click landed) to go
   * to the definition of what is written there.
   */
  public void setNavigation(java.util.function.IntConsumer goToDefinition) {
    Navigation.install(area, goToDefinition);
  }

  public void showFind(boolean withReplace) {
    findBar.show(true, withReplace);
  }

  FindBar findBar() {
    return findBar;
  }

  /**
   * Where suggestions come from: asked with the text and caret, answers (on the FX thread) through
   * {@code show}.
   */
  public interface Completions {
    void ask(
        String text,
        int caret,
        java.util.function.Consumer<dev.sluice.core.sqlassist.Completion> show);
  }

  public void setCompletions(Completions source) {
    this.completions = source;
  }

  /**
   * Opens (or refreshes) the completion list at the caret: Ctrl+Space, or by itself after '.', a
   * quote in ref( or {{.
   */
  public void complete() {
    String text = area.getText();
    int caret = area.getCaretPosition();
    completions.ask(
        text,
        caret,
        c -> {
          if (area.getText().equals(text) && area.getCaretPosition() == caret) {
            completion.show(c);
          }
        });
  }

  public boolean completionShowing() {
    return completion.isShowing();
  }

  javafx.scene.control.ListView<dev.sluice.core.sqlassist.Suggestion> completionList() {
    return completion.list();
  }

  private void onTyped(KeyEvent e) {
    String ch = e.getCharacter();
    if (ch.isEmpty() || e.isShortcutDown() || completion.isShowing()) {
      return; // an open list follows every change by itself
    }
    // the area inserts the character after this handler: look at the text once it has
    javafx.application.Platform.runLater(
        () -> {
          int caret = area.getCaretPosition();
          String before = area.getText(Math.max(0, caret - 9), caret);
          boolean trigger =
              before.endsWith(".")
                  || before.endsWith("ref('")
                  || before.endsWith("source('")
                  || before.matches("(?s).*source\\('[^']*',\\s*'$")
                  || before.endsWith("{{ ");
          if (trigger) {
            complete();
          }
        });
  }

  private void onKey(KeyEvent e) {
    if (completion.onKey(e)) {
      e.consume();
      return;
    }
    if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
      complete();
      e.consume();
    } else if (e.getCode() == KeyCode.ENTER
        && !e.isShortcutDown()
        && !e.isAltDown()
        && !e.isShiftDown()) {
      area.replaceSelection(EditKeys.newlineAt(area.getText(), area.getSelection().getStart()));
      area.requestFollowCaret();
      e.consume();
    } else if (e.getCode() == KeyCode.TAB && !e.isShortcutDown()) {
      area.replaceSelection("  ");
      e.consume();
    } else if (e.getCode() == KeyCode.SLASH && e.isShortcutDown()) {
      toggleComment();
      e.consume();
    } else if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
      showFind(false);
      e.consume();
    } else if (e.getCode() == KeyCode.H && e.isShortcutDown()) {
      showFind(true);
      e.consume();
    }
  }

  void toggleComment() {
    var sel = area.getSelection();
    EditKeys.LineEdit edit = EditKeys.toggleComment(area.getText(), sel.getStart(), sel.getEnd());
    area.replaceText(edit.start(), edit.end(), edit.replacement());
    area.selectRange(edit.start(), edit.start() + edit.replacement().length());
  }

  private void markCurrentLine() {
    int now = area.getCurrentParagraph();
    if (currentLine >= 0 && currentLine < area.getParagraphs().size() && currentLine != now) {
      area.setParagraphStyle(currentLine, List.of());
    }
    if (now >= 0 && now < area.getParagraphs().size()) {
      area.setParagraphStyle(now, List.of("current-line"));
    }
    currentLine = now;
  }

  private void markBrackets() {
    int length = area.getLength();
    for (int pos : brackets) {
      if (pos < length) {
        List<String> styles = new ArrayList<>(area.getStyleOfChar(pos));
        if (styles.remove("bracket-match")) {
          area.setStyle(pos, pos + 1, styles);
        }
      }
    }
    brackets = new int[0];
    int caret = area.getCaretPosition();
    // only a caret next to a bracket needs the whole text; most keystrokes are not
    String around = area.getText(Math.max(0, caret - 1), Math.min(length, caret + 1));
    int at = -1;
    if (caret > 0 && "()[]{}".indexOf(around.charAt(0)) >= 0) {
      at = caret - 1;
    } else if (caret < length && "()[]{}".indexOf(around.charAt(around.length() - 1)) >= 0) {
      at = caret;
    }
    int match = at < 0 ? -1 : EditKeys.matchingBracket(area.getText(), at);
    if (match >= 0) {
      brackets = new int[] {at, match};
      for (int pos : brackets) {
        List<String> styles = new ArrayList<>(area.getStyleOfChar(pos));
        styles.add("bracket-match");
        area.setStyle(pos, pos + 1, styles);
      }
    }
  }

  /** Nanoseconds the last highlighting pass spent on the FX thread. */
  public long lastHighlightNanos() {
    return highlighting.lastApplyNanos();
  }

  /** Counts restyles, so a benchmark can wait for one. */
  public long highlightPasses() {
    return highlighting.passes();
  }

  public void dispose() {
    highlighting.dispose();
  }
}

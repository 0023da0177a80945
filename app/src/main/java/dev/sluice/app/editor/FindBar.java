package dev.sluice.app.editor;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;

/**
 * Find (Ctrl+F) and replace (Ctrl+H) over one code area; Enter finds the next match, Shift+Enter
 * the previous.
 */
final class FindBar extends HBox {
  private final CodeArea area;
  final TextField find = new TextField();
  final TextField replace = new TextField();
  private final CheckBox matchCase = new CheckBox("Aa");
  private final Label count = new Label();

  FindBar(CodeArea area) {
    super(6);
    this.area = area;
    getStyleClass().add("find-bar");
    setId("find-bar");
    setPadding(new Insets(4, 8, 4, 8));
    setAlignment(Pos.CENTER_LEFT);
    find.setPromptText("Find");
    find.setId("find-text");
    replace.setPromptText("Replace with");
    replace.setId("replace-text");
    Button next = button("Next", () -> find(true));
    Button previous = button("Previous", () -> find(false));
    Button one = button("Replace", this::replaceOne);
    Button all = button("Replace All", this::replaceAll);
    all.setId("replace-all");
    Button close = button("✕", this::close);
    find.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            find(!e.isShiftDown());
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
          }
        });
    find.textProperty().addListener((o, a, b) -> updateCount());
    replace.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            close();
          } else if (e.getCode() == KeyCode.ENTER) {
            replaceOne();
          }
        });
    matchCase.setOnAction(e -> updateCount());
    getChildren().addAll(find, previous, next, matchCase, count, replace, one, all, close);
    show(false, false);
  }

  private static Button button(String text, Runnable action) {
    Button b = new Button(text);
    b.getStyleClass().add("small");
    b.setOnAction(e -> action.run());
    return b;
  }

  void show(boolean visible, boolean withReplace) {
    setVisible(visible);
    setManaged(visible);
    replace.setVisible(withReplace);
    replace.setManaged(withReplace);
    getChildren().stream()
        .filter(n -> n instanceof Button b && b.getText().startsWith("Replace"))
        .forEach(
            n -> {
              n.setVisible(withReplace);
              n.setManaged(withReplace);
            });
    if (visible) {
      String selected = area.getSelectedText();
      if (!selected.isEmpty() && !selected.contains("\n")) {
        find.setText(selected);
      }
      find.requestFocus();
      find.selectAll();
      updateCount();
    }
  }

  private void close() {
    show(false, false);
    area.requestFocus();
  }

  private String norm(String s) {
    return matchCase.isSelected() ? s : s.toLowerCase(Locale.ROOT);
  }

  /**
   * Selects the next (or previous) match after the caret, wrapping around; false if there is none.
   */
  boolean find(boolean forward) {
    String needle = norm(find.getText());
    if (needle.isEmpty()) {
      return false;
    }
    String text = norm(area.getText());
    int at;
    if (forward) {
      at = text.indexOf(needle, area.getSelection().getEnd());
      if (at < 0) {
        at = text.indexOf(needle);
      }
    } else {
      at = text.lastIndexOf(needle, area.getSelection().getStart() - 1);
      if (at < 0) {
        at = text.lastIndexOf(needle);
      }
    }
    if (at < 0) {
      count.setText("No matches");
      return false;
    }
    area.selectRange(at, at + needle.length());
    area.requestFollowCaret();
    return true;
  }

  private void replaceOne() {
    String needle = norm(find.getText());
    if (!needle.isEmpty() && norm(area.getSelectedText()).equals(needle)) {
      area.replaceSelection(replace.getText());
    }
    find(true);
    updateCount();
  }

  /** Replaces every match in one edit, so one undo brings them all back. */
  int replaceAll() {
    String needle = norm(find.getText());
    if (needle.isEmpty()) {
      return 0;
    }
    String original = area.getText();
    String text = norm(original);
    StringBuilder out = new StringBuilder();
    int from = 0;
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      out.append(original, from, at).append(replace.getText());
      from = at + needle.length();
      n++;
    }
    if (n > 0) {
      out.append(original.substring(from));
      area.replaceText(out.toString());
    }
    count.setText(n + " replaced");
    return n;
  }

  private void updateCount() {
    String needle = norm(find.getText());
    if (needle.isEmpty()) {
      count.setText("");
      return;
    }
    String text = norm(area.getText());
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      n++;
    }
    count.setText(n == 1 ? "1 match" : n + " matches");
  }
}

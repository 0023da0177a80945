package dev.sluice.app.editor;

import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.fxmisc.richtext.CodeArea;

/** F12 at the caret, or Ctrl+click (Cmd+click) on a word, asks to go to its definition. */
final class Navigation {
  private Navigation() {}

  static void install(CodeArea area, IntConsumer goTo) {
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.F12 && !e.isShiftDown() && !e.isShortcutDown()) {
            goTo.accept(area.getCaretPosition());
            e.consume();
          }
        });
    area.addEventFilter(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown() && !e.isShiftDown()) {
            int at = area.hit(e.getX(), e.getY()).getInsertionIndex();
            area.moveTo(at);
            goTo.accept(at);
            e.consume();
          }
        });
    // the pointer says a click will follow the link while the shortcut key is held
    area.addEventFilter(
        MouseEvent.MOUSE_MOVED,
        e -> area.setCursor(e.isShortcutDown() ? Cursor.HAND : Cursor.TEXT));
  }
}

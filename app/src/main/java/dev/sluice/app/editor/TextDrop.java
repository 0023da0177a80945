package dev.sluice.app.editor;

import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import org.fxmisc.richtext.CodeArea;

/**
 * Text dragged from elsewhere in the window (a table name from the warehouse browser) drops into
 * the editor where the mouse lets go of it, as one undoable insertion.
 */
final class TextDrop {
  private TextDrop() {}

  static void install(CodeArea area) {
    area.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getGestureSource() != area && e.getDragboard().hasString()) {
            e.acceptTransferModes(TransferMode.COPY);
            area.displaceCaret(area.hit(e.getX(), e.getY()).getInsertionIndex());
            e.consume();
          }
        });
    area.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          if (e.getGestureSource() != area && e.getDragboard().hasString()) {
            int at = area.hit(e.getX(), e.getY()).getInsertionIndex();
            area.insertText(at, e.getDragboard().getString());
            area.requestFocus();
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }
}

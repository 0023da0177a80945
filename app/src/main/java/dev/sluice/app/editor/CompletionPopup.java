package dev.sluice.app.editor;

import dev.sluice.core.sqlassist.Completion;
import dev.sluice.core.sqlassist.Suggestion;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/**
 * The completion list under the caret. Up and Down move, Enter or Tab insert, Escape closes; the
 * list follows the typing because its owner asks again after every change while it is open.
 */
final class CompletionPopup {
  private final CodeArea area;
  private final Popup popup = new Popup();
  private final ListView<Suggestion> list = new ListView<>();
  private Completion shown;

  CompletionPopup(CodeArea area) {
    this.area = area;
    list.setId("completion-list");
    list.getStyleClass().add("completion-list");
    list.setPrefSize(380, 220);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Suggestion s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                  setGraphic(null);
                  setText(null);
                  return;
                }
                Label label = new Label(s.label());
                Label kind =
                    new Label(
                        s.detail() == null || s.detail().isBlank()
                            ? s.kind().name().toLowerCase(Locale.ROOT)
                            : s.detail());
                kind.getStyleClass().add("completion-kind");
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                setGraphic(new HBox(8, label, gap, kind));
                setText(null);
              }
            });
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            accept();
          }
        });
    // where the platform gives the popup the keyboard, the list takes the same keys itself
    list.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
            accept();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            hide();
            e.consume();
          }
        });
    popup.getContent().add(list);
    popup.setAutoHide(true);
  }

  boolean isShowing() {
    return popup.isShowing();
  }

  ListView<Suggestion> list() {
    return list;
  }

  void show(Completion c) {
    shown = c;
    if (c == null || c.items().isEmpty()) {
      hide();
      return;
    }
    list.getItems().setAll(c.items());
    list.getSelectionModel().select(0);
    list.scrollTo(0);
    if (!popup.isShowing()) {
      if (area.getScene() != null) {
        list.getStylesheets()
            .setAll(area.getScene().getStylesheets()); // a popup has a scene of its own
      }
      Bounds caret = area.getCaretBounds().orElse(null);
      if (caret == null) {
        return;
      }
      popup.show(area, caret.getMinX(), caret.getMaxY() + 2);
    }
  }

  void hide() {
    popup.hide();
  }

  /** Handles the popup's keys; returns true if the key was used. */
  boolean onKey(KeyEvent e) {
    if (!popup.isShowing()) {
      return false;
    }
    int i = list.getSelectionModel().getSelectedIndex();
    switch (e.getCode()) {
      case DOWN -> list.getSelectionModel().select(Math.min(list.getItems().size() - 1, i + 1));
      case UP -> list.getSelectionModel().select(Math.max(0, i - 1));
      case PAGE_DOWN ->
          list.getSelectionModel().select(Math.min(list.getItems().size() - 1, i + 8));
      case PAGE_UP -> list.getSelectionModel().select(Math.max(0, i - 8));
      case ENTER, TAB -> accept();
      case ESCAPE -> hide();
      default -> {
        return false;
      }
    }
    list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex() - 3));
    return true;
  }

  /** Replaces the word being typed with the chosen suggestion. */
  void accept() {
    Suggestion s = list.getSelectionModel().getSelectedItem();
    Completion c = shown;
    hide();
    if (s == null || c == null) {
      return;
    }
    int to = Math.max(c.replaceTo(), Math.min(area.getCaretPosition(), area.getLength()));
    area.replaceText(c.replaceFrom(), to, s.insertText());
    area.moveTo(c.replaceFrom() + s.insertText().length());
    onAccepted.accept(s);
  }

  private Consumer<Suggestion> onAccepted = s -> {};

  void setOnAccepted(Consumer<Suggestion> action) {
    onAccepted = action;
  }
}

package dev.sluice.app.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The whole of one cell's value (Shift+Enter or a double-click in the grid): long text wrapped,
 * JSON indented, in a read-only text area one can select and copy from.
 */
public final class ValueViewer {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ValueViewer() {}

  /** The text to show: JSON pretty-printed, anything else as it is. */
  static String display(Object value) {
    if (value == null) {
      return "NULL";
    }
    String s = String.valueOf(value);
    String t = s.strip();
    if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
      try {
        JsonNode node = JSON.readTree(t);
        return JSON.writeValueAsString(node);
      } catch (java.io.IOException e) {
        return s; // looks like JSON but is not: show it as written
      }
    }
    return s;
  }

  static boolean isJson(Object value) {
    return value != null && !display(value).equals(String.valueOf(value));
  }

  public static Dialog<Void> show(Window owner, String column, String type, Object value) {
    Dialog<Void> d = new Dialog<>();
    d.initOwner(owner);
    d.initModality(Modality.NONE);
    d.setTitle("Value of " + column);
    String text = display(value);
    d.setHeaderText(
        column
            + "  ("
            + type.toLowerCase(java.util.Locale.ROOT)
            + (isJson(value) && !type.equalsIgnoreCase("json") ? ", JSON" : "")
            + ", "
            + String.format(
                java.util.Locale.ROOT, "%,d", value == null ? 0 : String.valueOf(value).length())
            + " characters)");
    TextArea area = new TextArea(text);
    area.setId("value-viewer-text");
    area.setEditable(false);
    area.setWrapText(!isJson(value));
    area.setStyle("-fx-font-family: monospace;");
    area.setPrefSize(640, 420);
    ButtonType copy = new ButtonType("Copy", javafx.scene.control.ButtonBar.ButtonData.LEFT);
    d.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
    d.getDialogPane()
        .lookupButton(copy)
        .addEventFilter(
            javafx.event.ActionEvent.ACTION,
            e -> {
              ClipboardContent c = new ClipboardContent();
              c.putString(text);
              javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
              e.consume();
            });
    BorderPane pane = new BorderPane(area);
    if (value == null) {
      pane.setTop(new Label("The value is NULL."));
    }
    d.getDialogPane().setContent(pane);
    d.setResizable(true);
    d.show();
    return d;
  }
}

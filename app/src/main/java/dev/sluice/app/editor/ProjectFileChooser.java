package dev.sluice.app.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Open Project File (Ctrl+Shift+O): the project's YAML and macro files in a list filtered as one
 * types; Enter opens the first match.
 */
public final class ProjectFileChooser {
  private ProjectFileChooser() {}

  private static final ButtonType OPEN =
      new ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);

  public static Optional<Path> choose(Window owner, List<Path> files) {
    Dialog<Path> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Open Project File");
    d.setHeaderText(files.isEmpty() ? "No project is open." : "YAML and macro files");
    TextField filter = new TextField();
    filter.setId("project-file-filter");
    filter.setPromptText("Type part of a file name");
    FilteredList<Path> shown = new FilteredList<>(FXCollections.observableArrayList(files));
    ListView<Path> list = new ListView<>(shown);
    list.setId("project-file-list");
    list.setPrefSize(460, 320);
    list.setPlaceholder(new javafx.scene.control.Label("No file matches."));
    filter
        .textProperty()
        .addListener(
            (o, was, now) -> {
              String needle = now.strip().toLowerCase(Locale.ROOT);
              shown.setPredicate(
                  p -> p.toString().replace('\\', '/').toLowerCase(Locale.ROOT).contains(needle));
              list.getSelectionModel().select(0);
            });
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DOWN) {
            list.requestFocus();
            e.consume();
          }
        });
    list.getSelectionModel().select(0);
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            d.setResult(list.getSelectionModel().getSelectedItem());
            d.close();
          }
        });
    d.getDialogPane().setContent(new VBox(6, filter, list));
    d.getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
    d.setResultConverter(b -> b == OPEN ? list.getSelectionModel().getSelectedItem() : null);
    d.setOnShown(e -> filter.requestFocus());
    return d.showAndWait();
  }
}

package dev.sluice.app.palette;

import dev.sluice.core.project.Export;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks what a new export writes out: the model, the export's name ({@code <model>_export} until the
 * person types their own) and the file format.
 */
final class ExportDialog {
  /** What was chosen. */
  record Answer(String model, String name, Export.Format format) {}

  private ExportDialog() {}

  /**
   * @param models the names that can be exported (models, seeds, snapshots), in the order to offer
   *     them
   */
  static Optional<Answer> ask(Window owner, List<String> models) {
    Dialog<Answer> d = new Dialog<>();
    d.setTitle("New export");
    d.setHeaderText("A file written from a model each time `build` runs.");
    if (owner != null) {
      d.initOwner(owner);
    }
    ChoiceBox<String> model = new ChoiceBox<>();
    model.getItems().setAll(models);
    model.setId("export-model");
    TextField name = new TextField();
    name.setId("export-name");
    ChoiceBox<Export.Format> format = new ChoiceBox<>();
    format.getItems().setAll(Export.Format.values());
    format.setValue(Export.Format.PARQUET);
    format.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Export.Format f) {
            return f == null ? "" : f.label();
          }

          @Override
          public Export.Format fromString(String s) {
            return Export.Format.of(s).orElse(null);
          }
        });
    format.setId("export-format");
    // the name follows the model until the person edits it
    boolean[] typed = {false};
    name.setOnKeyTyped(e -> typed[0] = true);
    model
        .valueProperty()
        .addListener(
            (o, was, now) -> {
              if (!typed[0] && now != null) {
                name.setText(now + "_export");
              }
            });
    if (!models.isEmpty()) {
      model.setValue(models.get(0));
    }
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, new Label("Model"), model);
    grid.addRow(1, new Label("Name"), name);
    grid.addRow(2, new Label("Format"), format);
    d.getDialogPane().setContent(grid);
    ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
    d.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
    d.getDialogPane().lookupButton(add).setId("export-add");
    d.getDialogPane().lookupButton(ButtonType.CANCEL).setId("export-cancel");
    d.getDialogPane()
        .lookupButton(add)
        .disableProperty()
        .bind(model.valueProperty().isNull().or(name.textProperty().isEmpty()));
    d.setResultConverter(
        b ->
            b == add
                ? new Answer(model.getValue(), name.getText().strip(), format.getValue())
                : null);
    Platform.runLater(model::requestFocus);
    return d.showAndWait();
  }
}

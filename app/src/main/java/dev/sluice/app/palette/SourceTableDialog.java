package dev.sluice.app.palette;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new source table's names, and optionally a file for Sluice to load into it. */
final class SourceTableDialog {
  /** What was typed; {@code path} is blank for a table that is already in the warehouse. */
  record Answer(String source, String table, String path) {}

  private SourceTableDialog() {}

  static Optional<Answer> ask(Window owner) {
    Dialog<Answer> d = new Dialog<>();
    d.setTitle("New source table");
    d.setHeaderText(
        "A table that comes from outside the project. Models read it with source('source', 'table').");
    if (owner != null) {
      d.initOwner(owner);
    }
    TextField source = new TextField();
    source.setPromptText("shop_db");
    source.setId("source-name");
    TextField table = new TextField();
    table.setPromptText("orders");
    table.setId("source-table");
    TextField path = new TextField();
    path.setPromptText("data/orders.csv (optional: Sluice loads the file)");
    path.setId("source-path");
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, new Label("Source"), source);
    grid.addRow(1, new Label("Table"), table);
    grid.addRow(2, new Label("File"), path);
    d.getDialogPane().setContent(grid);
    ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
    d.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
    d.getDialogPane().lookupButton(add).setId("source-add");
    d.getDialogPane()
        .lookupButton(add)
        .disableProperty()
        .bind(source.textProperty().isEmpty().or(table.textProperty().isEmpty()));
    d.setResultConverter(
        b ->
            b == add
                ? new Answer(
                    source.getText().strip(), table.getText().strip(), path.getText().strip())
                : null);
    Platform.runLater(source::requestFocus);
    return d.showAndWait();
  }
}

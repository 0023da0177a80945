package dev.sluice.app.inspector;

import atlantafx.base.theme.Styles;
import dev.sluice.core.edit.ColumnTest;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The editable part of the inspector for a model: a grid of controls (materialization, tags,
 * description) and a Columns section with each column's tests, which can be added and removed. A
 * change is committed when it is complete (a choice made, Enter, or leaving the field), so each one
 * is a single undo step.
 */
final class PropertySheet extends VBox {
  private final PropertySheetModel model;
  private final GridPane grid;
  private final ComboBox<String> materialization = new ComboBox<>();
  private final TextField tags = new TextField();
  private final TextArea description = new TextArea();
  private final VBox columns = new VBox(6);
  private final Label columnsTitle = new Label("Columns and tests");
  private final TextField newColumn = new TextField();
  private final HBox addRow;
  private boolean filling;

  /**
   * The model the fields were filled for, and what they showed: a commit compares against these.
   */
  private String shownModel;

  private String shownTags = "";
  private String shownDescription = "";

  PropertySheet(PropertySheetModel model, GridPane grid) {
    this.model = model;
    this.grid = grid;
    setSpacing(10);
    materialization.getItems().setAll(model.materializations());
    materialization.setId("inspector-materialization");
    materialization.setMaxWidth(Double.MAX_VALUE);
    materialization.setPrefWidth(120);
    materialization.setMinWidth(80);
    tags.setPrefColumnCount(8);
    description.setPrefColumnCount(12);
    materialization.setOnAction(
        e -> {
          if (!filling) {
            model.setMaterialization(materialization.getValue());
          }
        });
    tags.setId("inspector-tags");
    tags.setPromptText("daily, finance");
    tags.setOnAction(e -> commitTags());
    tags.focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now && !filling) {
                commitTags();
              }
            });
    description.setId("inspector-description");
    description.setWrapText(true);
    description.setPrefRowCount(3);
    description.setPromptText("What this model holds, one row per …");
    description
        .focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now && !filling) {
                commitDescription();
              }
            });
    description.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
            commitDescription();
            e.consume();
          }
        });
    columnsTitle.getStyleClass().add("inspector-section");
    newColumn.setPromptText("column");
    newColumn.setId("inspector-new-column");
    HBox.setHgrow(newColumn, Priority.ALWAYS);
    addRow = new HBox(6, newColumn, addTestMenu(newColumn::getText, "Add test"));
    addRow.setAlignment(Pos.CENTER_LEFT);
    getChildren().add(grid);
    model
        .columns()
        .addListener(
            (javafx.collections.ListChangeListener<PropertySheetModel.ColumnRow>)
                c -> fillColumns());
  }

  /**
   * Shows the model's controls in the grid from {@code row} on; -1 hides the sheet (not a model).
   */
  void rowsStartAt(int row) {
    getChildren().retainAll(grid);
    if (row < 0 || model.modelProperty().get() == null) {
      return;
    }
    filling = true;
    try {
      materialization.setValue(model.materializationProperty().get());
      boolean same = model.modelProperty().get().equals(shownModel);
      if (!same || !tags.isFocused()) {
        shownTags = model.tagsProperty().get();
        tags.setText(shownTags);
      }
      if (!same || !description.isFocused()) {
        shownDescription = model.descriptionProperty().get();
        description.setText(shownDescription);
      }
      shownModel = model.modelProperty().get();
    } finally {
      filling = false;
    }
    grid.addRow(row, key("Materialized"), materialization);
    grid.addRow(row + 1, key("Tags"), tags);
    grid.addRow(row + 2, key("Description"), description);
    GridPane.setHgrow(materialization, Priority.ALWAYS);
    GridPane.setHgrow(tags, Priority.ALWAYS);
    GridPane.setHgrow(description, Priority.ALWAYS);
    fillColumns();
    getChildren().addAll(columnsTitle, columns, addRow);
  }

  private void commitTags() {
    if (!tags.getText().strip().equals(shownTags.strip())) {
      shownTags = tags.getText();
      model.setTags(shownModel, tags.getText());
    }
  }

  private void commitDescription() {
    if (!description.getText().strip().equals(shownDescription.strip())) {
      shownDescription = description.getText();
      model.setDescription(shownModel, description.getText());
    }
  }

  private void fillColumns() {
    columns.getChildren().clear();
    for (PropertySheetModel.ColumnRow row : model.columns()) {
      Label name = new Label(row.name().isEmpty() ? "(whole table)" : row.name());
      name.getStyleClass().add("inspector-column");
      if (!row.description().isBlank()) {
        name.setTooltip(new Tooltip(row.description()));
      }
      FlowPane chips = new FlowPane(4, 4);
      for (PropertySheetModel.TestChip t : row.tests()) {
        chips.getChildren().add(chip(t));
      }
      HBox line = new HBox(6, name, chips);
      line.setAlignment(Pos.CENTER_LEFT);
      HBox.setHgrow(chips, Priority.ALWAYS);
      if (!row.name().isEmpty()) {
        line.getChildren().add(addTestMenu(row::name, null));
      }
      line.setId("inspector-column-" + (row.name().isEmpty() ? "table" : row.name()));
      columns.getChildren().add(line);
    }
    if (model.columns().isEmpty()) {
      Label none = new Label("No columns described yet: add a test on a column below.");
      none.getStyleClass().add(Styles.TEXT_MUTED);
      none.setWrapText(true);
      columns.getChildren().add(none);
    }
  }

  private HBox chip(PropertySheetModel.TestChip t) {
    Label text = new Label(t.label());
    text.setTooltip(new Tooltip(t.id().substring("test.".length())));
    Button remove = new Button(null, new FontIcon("mdi2c-close"));
    remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
    remove.setTooltip(new Tooltip("Remove this test"));
    remove.setOnAction(e -> model.removeTest(t.id()));
    HBox chip = new HBox(0, text, remove);
    chip.setAlignment(Pos.CENTER_LEFT);
    chip.getStyleClass().add("test-chip");
    chip.setId("chip-" + t.id());
    return chip;
  }

  private MenuButton addTestMenu(java.util.function.Supplier<String> column, String text) {
    MenuButton add = new MenuButton(text, new FontIcon("mdi2p-plus"));
    add.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
    add.setTooltip(new Tooltip("Add a test on this column"));
    MenuItem notNull = new MenuItem("not_null: no empty values");
    notNull.setOnAction(e -> model.addTest(column.get(), ColumnTest.notNull()));
    MenuItem unique = new MenuItem("unique: no value twice");
    unique.setOnAction(e -> model.addTest(column.get(), ColumnTest.unique()));
    MenuItem accepted = new MenuItem("accepted_values …");
    accepted.setOnAction(
        e ->
            ask("Values allowed in " + column.get() + ", separated by commas:", "")
                .ifPresent(
                    v ->
                        model.addTest(
                            column.get(),
                            ColumnTest.acceptedValues(
                                Arrays.stream(v.split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList()))));
    MenuItem relationships = new MenuItem("relationships …");
    relationships.setOnAction(
        e ->
            ask("Every " + column.get() + " appears in (model.column):", "")
                .ifPresent(
                    v -> {
                      String[] parts = v.strip().split("\\.", 2);
                      if (parts.length == 2) {
                        model.addTest(column.get(), ColumnTest.relationships(parts[0], parts[1]));
                      }
                    }));
    add.getItems().addAll(List.of(notNull, unique, accepted, relationships));
    // generic tests the project and its packages define, when they need no more than a column
    add.setOnShowing(
        e -> {
          add.getItems().removeIf(i -> "defined-test".equals(i.getUserData()));
          for (String name : model.columnTestsFromMacros()) {
            MenuItem item = new MenuItem(name);
            item.setUserData("defined-test");
            item.setOnAction(
                x -> model.addTest(column.get(), new ColumnTest(name, java.util.Map.of())));
            add.getItems().add(item);
          }
        });
    add.setId(text == null ? null : "inspector-add-test");
    return add;
  }

  private java.util.Optional<String> ask(String question, String initial) {
    TextInputDialog d = new TextInputDialog(initial);
    d.setTitle("Add test");
    d.setHeaderText(null);
    d.setContentText(question);
    if (getScene() != null) {
      d.initOwner(getScene().getWindow());
    }
    return d.showAndWait().filter(s -> !s.isBlank());
  }

  private static Label key(String text) {
    Label k = new Label(text);
    k.getStyleClass().add("inspector-key");
    k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return k;
  }
}

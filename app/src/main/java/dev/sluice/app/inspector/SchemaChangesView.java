package dev.sluice.app.inspector;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The inspector's "Schema changes" list for a loaded source table; hidden when there are none. */
final class SchemaChangesView extends VBox {

  SchemaChangesView(SchemaChangesViewModel model) {
    setId("inspector-schema-changes");
    setSpacing(2);
    Label heading = new Label("Schema changes");
    heading.getStyleClass().add("inspector-heading");
    VBox lines = new VBox(2);
    getChildren().addAll(heading, lines);
    setVisible(false);
    setManaged(false);
    model
        .versions()
        .addListener(
            (ListChangeListener<String>)
                c -> {
                  lines.getChildren().clear();
                  for (String v : model.versions()) {
                    Label l = new Label(v);
                    l.setWrapText(true);
                    l.getStyleClass().add("schema-version");
                    lines.getChildren().add(l);
                  }
                  boolean any = !model.versions().isEmpty();
                  setVisible(any);
                  setManaged(any);
                });
  }
}

package dev.sluice.app.editor;

import dev.sluice.app.graph.NodeStyle;
import dev.sluice.core.project.Node;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Usages panel: the models, snapshots, tests and exports that ref a node (Shift+F12). Enter or
 * a double-click opens one.
 */
public final class UsagesView extends BorderPane {
  private final ObservableList<Node> usages = FXCollections.observableArrayList();
  private final StringProperty title =
      new SimpleStringProperty(
          "Shift+F12 on a model, or on a ref() in the editor, lists its users.");
  private final ListView<Node> list = new ListView<>(usages);

  public UsagesView(Consumer<Node> open) {
    setId("usages-view");
    list.setId("usages-list");
    list.setPlaceholder(new Label("Nothing refs it."));
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Node n, boolean empty) {
                super.updateItem(n, empty);
                if (empty || n == null) {
                  setText(null);
                  setGraphic(null);
                } else {
                  setText(n.name() + "   " + n.file().toString().replace('\\', '/'));
                  setGraphic(new FontIcon(NodeStyle.icon(n.kind())));
                }
              }
            });
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
            open.accept(list.getSelectionModel().getSelectedItem());
          }
        });
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
            open.accept(list.getSelectionModel().getSelectedItem());
            e.consume();
          }
        });
    Label heading = new Label();
    heading.setId("usages-title");
    heading.textProperty().bind(title);
    heading.setPadding(new Insets(6, 8, 6, 8));
    setTop(heading);
    setCenter(list);
  }

  void show(String what, java.util.List<Node> found) {
    usages.setAll(found);
    title.set(
        found.isEmpty()
            ? "Nothing refs " + what + "."
            : found.size() + (found.size() == 1 ? " node refs " : " nodes ref ") + what + ":");
    if (!found.isEmpty()) {
      list.getSelectionModel().select(0);
    }
  }

  public ObservableList<Node> usages() {
    return usages;
  }

  public ListView<Node> list() {
    return list;
  }
}

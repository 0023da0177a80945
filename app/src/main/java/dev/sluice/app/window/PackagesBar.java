package dev.sluice.app.window;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The notification bar over the workbench that offers to install the project's packages. */
final class PackagesBar extends HBox {
  PackagesBar(PackagesViewModel vm) {
    super(8);
    setId("packages-bar");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 8, 4, 8));
    setStyle(
        "-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-muted; -fx-border-width: 0 0 1 0;");
    Label text = new Label();
    text.setId("packages-message");
    text.textProperty().bind(vm.messageProperty());
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    Button install = new Button("Install packages");
    install.setId("packages-install");
    install.disableProperty().bind(vm.busyProperty());
    install.setOnAction(e -> vm.install());
    Button close = new Button("Dismiss");
    close.setId("packages-dismiss");
    close.disableProperty().bind(vm.busyProperty());
    close.setOnAction(e -> vm.dismiss());
    getChildren().addAll(text, install, close);
    visibleProperty().bind(vm.shownProperty().or(vm.busyProperty()));
    managedProperty().bind(visibleProperty());
  }
}

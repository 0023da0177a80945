package dev.sluice.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class SluiceApp extends Application {
  @Override
  public void start(Stage stage) {
    stage.setTitle("Sluice");
    stage.setScene(new Scene(new StackPane(new Label("Sluice")), 1280, 800));
    stage.show();
  }
}

package dev.sluice.bench.start;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The app-start baseline: a JavaFX window with one label, which writes the marker file named by
 * {@code sluice.bench.firstPaint} once its first frame is drawn, then quits.
 */
public final class EmptyWindow {
  private EmptyWindow() {}

  public static void main(String[] args) {
    Application.launch(Window.class, args);
  }

  /** A nested class: a main class that extends Application fails on the class path. */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      stage.setScene(new Scene(new Label("empty"), 1280, 800));
      stage.show();
      new AnimationTimer() {
        int frames;

        @Override
        public void handle(long now) {
          if (++frames == 2) { // the frame after the first pulse is on screen
            stop();
            try {
              Files.writeString(Path.of(System.getProperty("sluice.bench.firstPaint")), "painted");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            Platform.exit();
          }
        }
      }.start();
    }
  }
}

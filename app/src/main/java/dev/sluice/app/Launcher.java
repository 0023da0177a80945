package dev.sluice.app;

/**
 * The process entry point. It does not extend {@code Application}: on the class path, a main class
 * that does fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    javafx.application.Application.launch(SluiceApp.class, args);
  }
}

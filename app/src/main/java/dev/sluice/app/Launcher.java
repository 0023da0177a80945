package dev.sluice.app;

/**
 * The process entry point. It does not extend {@code Application}: on the class path, a main class
 * that does fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    // a CLI build that finds the warehouse busy names the app as its holder
    System.setProperty("sluice.command", "the Sluice app");
    // the project given is read while JavaFX starts and the window is built
    java.nio.file.Path project = SluiceApp.projectFolder(java.util.List.of(args));
    if (project != null && java.nio.file.Files.isDirectory(project)) {
      dev.sluice.app.project.ProjectPreload.start(project);
    }
    javafx.application.Application.launch(SluiceApp.class, args);
  }
}

package dev.sluice.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sluice.app.window.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Its one argument, when given, is a project folder (or a sluice.yml or
 * dbt_project.yml in one) to open at once.
 */
public final class SluiceApp extends Application {
  private MainWindow window;

  @Override
  public void start(Stage stage) {
    long fxStarted = sinceJvmStart();
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    Path project = projectFolder(getParameters().getRaw());
    window =
        new MainWindow(
            stage,
            dark ->
                Application.setUserAgentStylesheet(
                    dark
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet()),
            project);
    stage.show();
    String marker = System.getProperty("sluice.bench.firstPaint");
    if (marker != null) {
      reportFirstPaint(Path.of(marker), fxStarted);
    }
  }

  /** The project folder the command line names (a folder, or a sluice.yml or dbt_project.yml). */
  static Path projectFolder(List<String> args) {
    if (args.isEmpty()) {
      return null;
    }
    Path p = Path.of(args.get(0));
    return Files.isRegularFile(p) && p.getParent() != null ? p.getParent() : p;
  }

  private static long sinceJvmStart() {
    return System.currentTimeMillis()
        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  /**
   * For {@code bin/bench app-start}: once a frame with the project's graph has been drawn, writes
   * where the start-up time went to {@code marker} and quits.
   */
  private void reportFirstPaint(Path marker, long fxStarted) {
    long windowShown = sinceJvmStart();
    long[] loaded = {-1};
    new javafx.animation.AnimationTimer() {
      @Override
      public void handle(long now) {
        if (loaded[0] < 0) {
          if (window.workbench().project().manifestProperty().get() != null) {
            loaded[0] = sinceJvmStart(); // this pulse lays out and draws the graph
          }
          return;
        }
        stop();
        String phases =
            String.format(
                java.util.Locale.ROOT,
                "JavaFX start %d, window shown %d, project loaded %d, graph drawn %d",
                fxStarted,
                windowShown,
                loaded[0],
                sinceJvmStart());
        try {
          Files.writeString(marker, phases);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        javafx.application.Platform.exit();
      }
    }.start();
  }

  @Override
  public void stop() {
    if (window != null) {
      window.close();
    }
  }
}

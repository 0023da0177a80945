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
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    window =
        new MainWindow(
            stage,
            dark ->
                Application.setUserAgentStylesheet(
                    dark
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet()));
    stage.show();
    List<String> args = getParameters().getRaw();
    if (!args.isEmpty()) {
      Path p = Path.of(args.get(0));
      window.open(Files.isRegularFile(p) && p.getParent() != null ? p.getParent() : p);
    }
  }

  @Override
  public void stop() {
    if (window != null) {
      window.close();
    }
  }
}

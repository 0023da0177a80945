package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A window started on a project goes straight to it: the welcome page never shows first. */
@ExtendWith(ApplicationExtension.class)
class StartWithProjectUiTest {
  MainWindow window;
  boolean welcomeAtStart;

  @Start
  void start(Stage stage) throws Exception {
    Path shop = Samples.copy("shop", Files.createTempDirectory("sluice-start").resolve("shop"));
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    window = new MainWindow(stage, dark -> {}, shop);
    stage.show();
    welcomeAtStart = stage.getScene().lookup("#welcome") != null;
  }

  @Test
  void theProjectOpensWithoutTheWelcomePage(FxRobot robot) throws Exception {
    assertThat(welcomeAtStart).as("welcome page in the first frame").isFalse();
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> window.workbench().project().manifestProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
    assertThat(robot.lookup("#pipeline-view").tryQuery()).isPresent();
  }
}

package dev.sluice.app.window;

import atlantafx.base.theme.PrimerLight;
import dev.sluice.core.testing.Samples;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests share: the main window in the light theme, opening a project, screenshots.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
  MainWindow window;
  Stage stage;

  /**
   * Call from each test class's own {@code @Start}: TestFX looks for it in the class itself only.
   */
  void startWindow(Stage stage) {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    window = new MainWindow(stage, dark -> {});
    stage.show();
  }

  /**
   * Closes the window as quitting the app does, so no background task is still writing into the
   * test's project folder when JUnit deletes it.
   */
  @org.junit.jupiter.api.AfterEach
  void closeWindow() throws Exception {
    if (window != null) {
      WaitForAsyncUtils.asyncFx(window::close).get(10, TimeUnit.SECONDS);
    }
  }

  /** Opens a project in the window and waits until {@code ready} holds. */
  void open(FxRobot robot, Path project, BooleanSupplier ready) throws Exception {
    robot.interact(() -> window.open(project));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, ready::getAsBoolean);
  }

  /** Opens a project and waits for its graph. */
  void open(FxRobot robot, Path project) throws Exception {
    open(robot, project, () -> window.workbench().project().manifestProperty().get() != null);
  }

  /**
   * Writes the window, with any popup open over it (a completion list), to docs/screenshots;
   * returns the image.
   */
  BufferedImage shoot(FxRobot robot, String name) throws Exception {
    WritableImage[] img = new WritableImage[1];
    java.util.List<Object[]> popups = new java.util.ArrayList<>();
    robot.interact(
        () -> {
          img[0] = stage.getScene().snapshot(null);
          for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w != stage
                && w.isShowing()
                && w instanceof javafx.stage.PopupWindow
                && w.getScene() != null) {
              popups.add(
                  new Object[] {
                    w.getScene().snapshot(null),
                    w.getX() + w.getScene().getX() - stage.getX() - stage.getScene().getX(),
                    w.getY() + w.getScene().getY() - stage.getY() - stage.getScene().getY()
                  });
            }
          }
        });
    BufferedImage b = SwingFXUtils.fromFXImage(img[0], null);
    java.awt.Graphics2D g = b.createGraphics();
    for (Object[] p : popups) {
      g.drawImage(
          SwingFXUtils.fromFXImage((WritableImage) p[0], null),
          (int) (double) p[1],
          (int) (double) p[2],
          null);
    }
    g.dispose();
    Path out = Samples.locate("shop").getParent().getParent().resolve("docs/screenshots");
    Files.createDirectories(out);
    ImageIO.write(b, "png", out.resolve(name).toFile());
    return b;
  }
}

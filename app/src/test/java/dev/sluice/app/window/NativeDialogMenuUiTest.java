package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.core.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After the native folder dialog (Ctrl+O, then Escape) a card's context menu still opens. The
 * dialog is the desktop's own, so this runs only in a real X window: {@code mvn -pl app
 * surefire:test -Dui.glass=gtk -Dui.headless=false -Dtest=NativeDialogMenuUiTest} with {@code
 * DISPLAY} set and xdotool installed; off-screen it is skipped.
 */
class NativeDialogMenuUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void theCardMenuOpensAfterTheOpenDialogIsDismissed(FxRobot robot) throws Exception {
    assumeTrue(
        "gtk".equalsIgnoreCase(System.getProperty("glass.platform")),
        "needs the desktop's file dialog");
    assumeTrue(xdotool("version") != null, "needs xdotool to press Escape in the dialog");
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    open(robot, shop);
    robot.interact(() -> window.workbench().graph().fit());
    WaitForAsyncUtils.waitForFxEvents();

    rightClickCustomers(robot);
    assertThat(menuShowing(robot)).as("the menu opens before any dialog").isTrue();
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !menuShowing(robot));

    robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
    String dialog = null;
    for (int i = 0; i < 100 && (dialog == null || dialog.isBlank()); i++) {
      Thread.sleep(100);
      dialog = xdotool("search", "--name", "Open a Sluice or dbt project folder");
    }
    assertThat(dialog).as("the native dialog opened").isNotBlank();
    String id = dialog.lines().findFirst().orElseThrow();
    xdotool("windowfocus", "--sync", id);
    xdotool("key", "--clearmodifiers", "Escape");
    for (int i = 0; i < 100; i++) {
      String still = xdotool("search", "--name", "Open a Sluice or dbt project folder");
      if (still == null || still.isBlank()) {
        break;
      }
      Thread.sleep(100);
    }
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(500);

    rightClickCustomers(robot);
    assertThat(menuShowing(robot)).as("the menu opens after the dialog").isTrue();
    shoot(robot, "card-menu-after-dialog.png");
    robot.type(KeyCode.ESCAPE);
  }

  private void rightClickCustomers(FxRobot robot) throws Exception {
    Node card =
        robot
            .lookup((Node n) -> "node-model.customers".equals(dev.sluice.app.graph.GraphIds.of(n)))
            .query();
    robot.moveTo(card).clickOn(MouseButton.SECONDARY);
    WaitForAsyncUtils.waitForFxEvents();
    // a menu that the window's focus flicker closes goes within a few frames: look after them
    Thread.sleep(700);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean menuShowing(FxRobot robot) {
    boolean[] showing = new boolean[1];
    robot.interact(
        () -> {
          for (Window w : Window.getWindows()) {
            showing[0] |= w instanceof ContextMenu && w.isShowing();
          }
        });
    return showing[0];
  }

  /** Runs xdotool; its output, or null when it cannot run. */
  private static String xdotool(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "xdotool";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.strip() : "";
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}

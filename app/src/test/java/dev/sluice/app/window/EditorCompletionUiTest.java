package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.editor.EditorTab;
import dev.sluice.core.sqlassist.Suggestion;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Completion while a template tag is still being typed at the end of a line of a model that goes
 * on below it, as a user meets it: after {@code {{ }}, after {@code ref('}, and with Ctrl+Space.
 */
class EditorCompletionUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void completionComesUpWhileATagIsTypedAtTheEndOfALine(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.openEditor("model.daily_revenue"));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> w.sql().selectedEditor() != null);
    EditorTab tab = w.sql().selectedEditor();
    var area = tab.editor().area();
    robot.clickOn(area);
    // the end of the line "from {{ ref('orders') }}": lines follow it
    int line = lineOf(tab.editor().text(), "from {{ ref('orders') }}");
    robot.interact(() -> area.moveTo(line, area.getParagraph(line).length()));

    robot.write(" join {{ ");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tab.editor()::completionShowing);
    assertThat(labels(robot)).as("after {{ ").contains("ref", "source");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tab.editor().completionShowing());

    robot.write("ref('");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tab.editor()::completionShowing);
    assertThat(labels(robot)).as("after ref('").contains("orders", "stg_orders", "customers");
    shoot(robot, "completion-open-tag.png");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tab.editor().completionShowing());

    // Ctrl+Space there asks again
    robot.press(KeyCode.CONTROL).press(KeyCode.SPACE).release(KeyCode.SPACE);
    robot.release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tab.editor()::completionShowing);
    assertThat(labels(robot)).as("Ctrl+Space after ref('").contains("orders");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(area.getParagraph(line).getText()).matches(".*join [{][{] ref[(]'[a-z_]+");
  }

  private static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    return lines.indexOf(line);
  }

  /** The labels in the open completion list (waiting for its window, which opens a pulse later). */
  private static List<String> labels(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#completion-list").tryQuery().isPresent());
    javafx.scene.control.ListView<?> list =
        robot.lookup("#completion-list").queryAs(javafx.scene.control.ListView.class);
    return list.getItems().stream().map(s -> ((Suggestion) s).label()).toList();
  }
}

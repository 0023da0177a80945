package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.explorer.ExplorerView;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer fills once the graph's first frame is made: it then lists every node, and shows the
 * node that was selected meanwhile.
 */
class ExplorerUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void aProjectOpenedListsEveryNodeAndTheSelectedOneIsPicked(FxRobot robot) throws Exception {
    Workbench w = window.workbench();
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    ExplorerView explorer = robot.lookup("#explorer").queryAs(ExplorerView.class);
    Set<String> nodes = w.project().manifestProperty().get().dag().nodeIds();
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> listed(explorer.getRoot()).containsAll(nodes));
    assertThat(listed(explorer.getRoot())).isEqualTo(nodes);

    // picked on the graph before a reload's fill: the tree shows it once filled
    TreeItem<ExplorerView.Entry> before = explorer.getRoot();
    robot.interact(
        () -> {
          w.project().reload();
          w.project().selectedProperty().set("model.customers");
        });
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> explorer.getRoot() != before && listed(explorer.getRoot()).equals(nodes));
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> {
          TreeItem<ExplorerView.Entry> s = explorer.getSelectionModel().getSelectedItem();
          return s != null && "model.customers".equals(s.getValue().nodeId());
        });
    assertThat(listed(explorer.getRoot())).isEqualTo(nodes);
  }

  private static Set<String> listed(TreeItem<ExplorerView.Entry> item) {
    Set<String> out = new HashSet<>();
    if (item == null) {
      return out;
    }
    if (item.getValue().nodeId() != null) {
      out.add(item.getValue().nodeId());
    }
    item.getChildren().forEach(c -> out.addAll(listed(c)));
    return out;
  }
}

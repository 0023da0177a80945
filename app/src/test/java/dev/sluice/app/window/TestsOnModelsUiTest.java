package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.project.FolderGroups;
import dev.sluice.app.project.LayoutFile;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View > Tests on Their Models: a model's tests become a badge on its card with their counts, no
 * edge points at a card that is not drawn, a click on the badge lists the tests and picks one, and
 * the choice is kept for the project.
 */
class TestsOnModelsUiTest extends WindowTestBase {
  private static final String STG_ORDERS = "model.stg_orders";

  @Start
  void start(Stage stage) {
    stage.setWidth(1280);
    stage.setHeight(800);
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void testsBecomeABadgeOnTheirModelWithTheLastRunsCounts(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    WaitForAsyncUtils.waitForFxEvents();
    var m = w.project().manifestProperty().get();
    assertThat(m.dag().nodeIds().size()).as("a small project: tests are cards").isLessThan(50);
    Set<String> tests =
        m.dag().nodeIds().stream()
            .filter(id -> FolderGroups.holderOf(m, id) != null)
            .collect(Collectors.toSet());
    assertThat(tests).isNotEmpty();
    String aTest = tests.iterator().next();
    assertThat(byId(robot, "node-" + aTest)).isPresent();

    CheckMenuItem item = viewItem(robot);
    assertThat(item.isSelected()).isFalse();
    robot.interact(item::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(item.isSelected()).isTrue();

    for (String t : tests) {
      assertThat(byId(robot, "node-" + t)).as("no card for %s", t).isEmpty();
    }
    // every edge drawn joins two cards that are drawn
    List<Node> edges = robot.lookup(".edge-group").queryAll().stream().toList();
    assertThat(edges).isNotEmpty();
    for (Node e : edges) {
      String edge = dev.sluice.app.graph.GraphIds.of(e);
      String[] ends = edge.substring("edge-".length()).split("->");
      assertThat(byId(robot, "node-" + ends[0])).as(edge).isPresent();
      assertThat(byId(robot, "node-" + ends[1])).as(edge).isPresent();
    }
    int onStgOrders =
        (int) tests.stream().filter(t -> STG_ORDERS.equals(FolderGroups.holderOf(m, t))).count();
    assertThat(onStgOrders).isPositive();
    Node badge = byId(robot, "tests-" + STG_ORDERS).orElseThrow();
    assertThat(badge.isVisible()).isTrue();
    assertThat(texts(badge)).as("before any run: how many").containsExactly("" + onStgOrders);

    robot.interact(() -> w.run(RunRequest.everything()));
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(badge.getStyleClass()).contains("test-badge-pass");
    assertThat(texts(badge)).as("all passed").containsExactly("" + onStgOrders);
    assertThat(badge.lookup(".test-count-pass")).isNotNull();
    robot.interact(w.graph()::fit);
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "tests-on-models.png");

    robot.clickOn(badge);
    WaitForAsyncUtils.waitForFxEvents();
    String first =
        tests.stream()
            .filter(t -> STG_ORDERS.equals(FolderGroups.holderOf(m, t)))
            .findFirst()
            .orElseThrow();
    Node listed =
        robot
            .lookup(".menu-item")
            .match((Node n) -> n.getId() != null && n.getId().equals("test-item-" + first))
            .query();
    assertThat(((javafx.scene.control.Labeled) listed.lookup(".label")).getText())
        .endsWith("·  pass");
    shoot(robot, "tests-on-models-list.png");
    robot.clickOn(listed);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.project().selectedProperty().get()).isEqualTo(first);

    // kept for the project: in its layout file, and so after opening it again
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(LayoutFile.readTestsOnModels(shop)));
    Path other = Samples.copy("shop", dir.resolve("other"));
    open(robot, other, () -> other.equals(w.project().rootProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.project().testsOnModels().get()).as("another small project").isFalse();
    open(robot, shop, () -> shop.equals(w.project().rootProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.project().testsOnModels().get()).isTrue();
    assertThat(viewItem(robot).isSelected()).isTrue();
    assertThat(byId(robot, "tests-" + STG_ORDERS)).isPresent();

    // and back: every test a card again, each at a place of its own
    robot.interact(viewItem(robot)::fire);
    WaitForAsyncUtils.waitForFxEvents();
    for (String t : tests) {
      assertThat(byId(robot, "node-" + t)).as("a card for %s", t).isPresent();
    }
    assertThat(Boolean.FALSE).isEqualTo(readBack(shop));
  }

  @Test
  void aSmallProjectFittedIntoTheWindowHasNamesLargeEnoughToRead(FxRobot robot) throws Exception {
    Workbench w = window.workbench();
    open(robot, Samples.copy("shop", dir.resolve("shop")));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(w.graph()::fit);
    WaitForAsyncUtils.waitForFxEvents();
    Node card = byId(robot, "node-" + STG_ORDERS).orElseThrow();
    Label name = (Label) card.lookup(".node-name");
    double scale = card.getParent().getScaleX();
    assertThat(scale).as("the fit zoom of about 30 nodes in 1280x800").isLessThan(0.75);
    double onScreen = name.getFont().getSize() * scale;
    assertThat(onScreen).as("the name's size on the screen, in pixels").isGreaterThanOrEqualTo(8.5);
    assertThat(name.getText()).isEqualTo("stg_orders");
    assertThat(card.lookup(".node-detail").getParent().isVisible()).isFalse();
    shoot(robot, "graph-fit-30-nodes.png");

    robot.interact(() -> w.graph().zoom(1 / scale)); // back to reading zoom: the whole card
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(card.lookup(".node-detail").getParent().isVisible()).isTrue();
    assertThat(name.getFont().getSize()).isLessThan(15);
  }

  private static Boolean readBack(Path root) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> Boolean.FALSE.equals(LayoutFile.readTestsOnModels(root)));
    return LayoutFile.readTestsOnModels(root);
  }

  /** The visible node of that id: ids of nodes hold dots, which a CSS lookup reads as classes. */
  private static java.util.Optional<Node> byId(FxRobot robot, String id) {
    return robot
        .lookup((Node n) -> id.equals(dev.sluice.app.graph.GraphIds.of(n)) && n.isVisible())
        .tryQuery();
  }

  private static List<String> texts(Node badge) {
    return badge.lookupAll(".test-count").stream().map(n -> ((Label) n).getText()).toList();
  }

  private CheckMenuItem viewItem(FxRobot robot) {
    MenuBar bar = (MenuBar) ((BorderPane) stage.getScene().getRoot()).getTop();
    for (var menu : bar.getMenus()) {
      for (MenuItem i : menu.getItems()) {
        if ("menu-tests-on-models".equals(i.getId())) {
          return (CheckMenuItem) i;
        }
      }
    }
    throw new AssertionError("no View item for tests on their models");
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.editor.EditorTab;
import dev.sluice.app.results.ResultTabs;
import dev.sluice.app.runs.RunRequest;
import dev.sluice.core.query.PlanNode;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Results in tabs that a pin keeps, and Explain's plan as a tree with its hottest operator. */
class ResultTabsUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void anUnpinnedTabIsReusedAPinnedOneKeptAndTabsCloseByKeyAndMiddleClick(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.sql().newQuery());
    EditorTab tab = w.sql().selectedEditor();
    ResultTabs results = tab.resultTabs();
    run(robot, tab, "select 1 as a");
    assertThat(results.resultTabs()).hasSize(1);
    assertThat(results.selected().title()).startsWith("select 1 as a · 1 row · ");

    // the next result replaces an unpinned tab
    run(robot, tab, "select 2 as b");
    assertThat(results.resultTabs()).hasSize(1);
    assertThat(results.current().columns()).extracting(c -> c.name()).containsExactly("b");

    // pinned, it stays, and Ctrl+Enter opens the next result beside it
    robot.clickOn(
        robot
            .from(results)
            .lookup("#result-tab-pin")
            .queryAs(javafx.scene.control.ToggleButton.class));
    assertThat(results.selected().pinnedProperty().get()).isTrue();
    run(robot, tab, "select 3 as c, 4 as d");
    assertThat(results.resultTabs()).hasSize(2);
    assertThat(results.resultTabs().get(0).grid().columns())
        .extracting(c -> c.name())
        .containsExactly("b");
    assertThat(results.selected().grid().columns())
        .extracting(c -> c.name())
        .containsExactly("c", "d");
    run(robot, tab, "select 5 as e from range(3)");
    assertThat(results.resultTabs()).as("the unpinned one is reused").hasSize(2);
    assertThat(results.selected().title()).startsWith("select 5 as e from range(3) · 3 rows");
    shoot(robot, "result-tabs.png");

    // Ctrl+W in the grid closes the result tab, not the editor
    robot.interact(() -> results.selected().gridView().table().requestFocus());
    robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(results.resultTabs()).hasSize(1);
    assertThat(w.sql().selectedEditor()).isSameAs(tab);

    // a middle click on its title closes the last one
    robot.clickOn(
        robot.from(results).lookup(".tab").<javafx.scene.Node>query(), MouseButton.MIDDLE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(results.resultTabs()).isEmpty();
    run(robot, tab, "select 6 as f");
    assertThat(results.resultTabs()).as("a result after all are closed opens a tab").hasSize(1);

    // a preview from the graph is titled by its node
    robot.interact(() -> w.preview("seed.raw_orders"));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> w.sql().previewView().model().rows().size() == 600);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(w.sql().previewTabs().selected().title()).startsWith("raw_orders · 600 rows · ");
  }

  @Test
  void explainShowsTheModelsPlanAsATreeWithItsHottestOperatorAndBadSqlSaysWhy(FxRobot robot)
      throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.run(RunRequest.everything()));
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> w.runs().lastSummaryProperty().get() != null && !w.runs().runningProperty().get());
    robot.interact(() -> w.openEditor("model.customers"));
    EditorTab tab = w.sql().selectedEditor();
    assertThat(tab.nodeId()).isEqualTo("model.customers");
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> tab.editor().area().requestFocus());
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.X)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    ResultTabs results = tab.resultTabs();
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            results.selected() != null
                && results.selected().plan() != null
                && results.selected().plan().planProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(results.resultTabs())
        .as("the plan opens beside the rows, which it does not replace")
        .hasSize(2);
    assertThat(results.selected().title()).startsWith("Plan: customers · ");
    @SuppressWarnings("unchecked")
    TreeTableView<PlanNode> tree =
        robot.from(results).lookup("#plan-tree").queryAs(TreeTableView.class);
    var plan = results.selected().plan().planProperty().get();
    assertThat(tree.getRoot().getValue()).isSameAs(plan.root());
    assertThat(tree.getExpandedItemCount()).isEqualTo(plan.operators().size());
    assertThat(tree.getSelectionModel().getSelectedItem().getValue())
        .as("the hottest operator is selected")
        .isSameAs(plan.hottest());
    assertThat(plan.operators()).anyMatch(n -> n.operator().equals("HASH_JOIN"));
    assertThat(robot.lookup("#plan-status").queryLabeled().getText()).contains("hottest: ");
    // as a person drags the divider up to read the plan
    robot.interact(
        () ->
            ((javafx.scene.control.SplitPane)
                    robot.from(tab.getContent()).lookup(".split-pane").query())
                .setDividerPositions(0.3));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "explain-plan.png");

    // from the graph (a card's menu, Data > Explain Plan), the plan shows in the Data panel
    robot.interact(
        () -> {
          w.sql().tabs().getSelectionModel().select(0);
          w.explain("model.orders");
        });
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            w.sql().previewTabs().selected().plan() != null
                && w.sql().previewTabs().selected().plan().planProperty().get() != null);
    assertThat(w.sql().previewTabs().selected().title()).startsWith("Plan: orders · ");

    robot.interact(() -> w.sql().newQuery());
    EditorTab query = w.sql().selectedEditor();
    robot.interact(
        () -> {
          query.editor().load("select nonsense_column from {{ ref('customers') }}");
          query.explain();
        });
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            query.resultTabs().selected().plan() != null
                && query.resultTabs().selected().plan().errorProperty().get() != null);
    assertThat(query.resultTabs().selected().plan().errorProperty().get())
        .startsWith("explain of select nonsense_column")
        .contains("nonsense_column")
        .doesNotContain("\tat ");
  }

  private static void run(FxRobot robot, EditorTab tab, String sql) throws Exception {
    robot.interact(() -> tab.editor().load(sql));
    robot.interact(() -> tab.editor().area().requestFocus());
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            tab.resultTabs().selected() != null
                && !tab.results().runningProperty().get()
                && tab.results().sqlProperty().get() != null
                && tab.results().sqlProperty().get().contains(sql));
    WaitForAsyncUtils.waitForFxEvents();
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.lineage.LineageViewModel;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Column lineage in the window: a column picked in the Lineage tab lights up its upstream cards,
 * and an unsaved edit in the inspector tells what it breaks downstream.
 */
class LineageUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void pickingAColumnLightsUpItsUpstreamAndAnEditShowsItsImpact(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop, () -> w.project().manifestProperty().get() != null);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> w.lineage.lineageProperty().get() != null);
    robot.interact(
        () -> {
          w.project().selectedProperty().set("model.customers");
          TabPane bottom = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
          bottom.getTabs().stream()
              .filter(t -> t.getText().equals("Lineage"))
              .findFirst()
              .ifPresent(t -> bottom.getSelectionModel().select(t));
        });
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    ListView<String> columns = robot.lookup("#lineage-columns").queryAs(ListView.class);
    assertThat(columns.getItems()).contains("lifetime_value", "customer_id");
    robot.interact(() -> columns.getSelectionModel().select("lifetime_value"));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(w.lineage.marks())
        .containsEntry("model.customers", LineageViewModel.Role.FOCUS)
        .containsEntry("model.orders", LineageViewModel.Role.UPSTREAM)
        .containsEntry("seed.raw_products", LineageViewModel.Role.UPSTREAM)
        .doesNotContainKey("model.product_sales");
    javafx.scene.Node orders =
        robot
            .lookup(
                (javafx.scene.Node n) ->
                    "node-model.orders".equals(dev.sluice.app.graph.GraphIds.of(n)))
            .query();
    assertThat(orders.getPseudoClassStates())
        .contains(PseudoClass.getPseudoClass("lineage-upstream"));
    assertThat(robot.from(orders).lookup(".node-detail").queryAs(Label.class).getText())
        .contains("amount");
    @SuppressWarnings("unchecked")
    ListView<String> trace = robot.lookup("#lineage-trace").queryAs(ListView.class);
    assertThat(trace.getItems()).anyMatch(s -> s.contains("← orders.amount (aggregate)"));
    shoot(robot, "lineage-in-app.png");

    robot.interact(() -> w.project().selectedProperty().set("model.stg_orders"));
    WaitForAsyncUtils.waitForFxEvents();
    TextArea sql = robot.lookup("#inspector-sql").queryAs(TextArea.class);
    robot.interact(
        () ->
            sql.setText(
                sql.getText()
                    .replace("lower(status) as status,", "lower(status) as order_status,")));
    Label impact = robot.lookup("#inspector-impact").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> impact.getText().contains("Removes status: breaking"));
    assertThat(impact.getText())
        .contains("Adds order_status (non-breaking)")
        .contains("customers.lifetime_value");
  }
}

package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History tab lists each load of a source table and takes one back out on request. */
class HistoryLoadsUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
    stage.setWidth(1280);
    stage.setHeight(800);
  }

  @TempDir Path dir;

  @Test
  void theHistoryShowsLoadsAndDropsOne(FxRobot robot) throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "hl")
            .file(
                "sources/landing.yml",
                """
                sources:
                  - name: landing
                    connector: files
                    tables:
                      - {name: orders, path: "landing/orders_*.csv", primary_key: id}
                """)
            .file("landing/orders_1.csv", "id,amount\n1,10\n2,20\n");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.LOAD, null, null, 1, false, RunListener.NONE);
    }
    f.file("landing/orders_2.csv", "id,amount\n3,30\n");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      p.run(Command.LOAD, null, null, 1, false, RunListener.NONE);
    }
    Workbench w = window.workbench();
    open(robot, f.root(), () -> w.history.loads().size() == 2);
    robot.interact(
        () -> {
          TabPane bottom = robot.lookup("#bottom-tabs").queryAs(TabPane.class);
          bottom.getTabs().stream()
              .filter(t -> t.getText().equals("History"))
              .findFirst()
              .ifPresent(t -> bottom.getSelectionModel().select(t));
        });
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TableView<Workspace.LoadEntry> loads = robot.lookup("#history-loads").queryAs(TableView.class);
    assertThat(loads.getItems())
        .extracting(l -> l.table() + " " + l.status() + " " + l.rows())
        .containsExactly("landing.orders success 1", "landing.orders success 2");
    Button drop = robot.lookup("#history-drop-load").queryButton();
    assertThat(drop.isDisabled()).as("nothing chosen yet").isTrue();

    robot.interact(() -> loads.getSelectionModel().select(0));
    assertThat(drop.isDisabled()).isFalse();
    robot.clickOn(drop);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> loads.getItems().size() == 2 && "dropped".equals(loads.getItems().get(0).status()));
    assertThat(robot.lookup("#history-load-status").queryLabeled().getText())
        .contains("landing.orders")
        .contains("1 row");
    String db = w.project().manifestProperty().get().project().settings().target(null).path();
    try (var wh = Workspace.openWarehouse(db)) {
      assertThat(Tables.rows(wh, "select id from landing.orders order by id"))
          .extracting(r -> r.values().toString())
          .containsExactly("[1]", "[2]");
    }
  }
}

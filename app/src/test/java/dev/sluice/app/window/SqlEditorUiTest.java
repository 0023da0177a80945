package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.editor.EditorTab;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The SQL editor as a user meets it: open a model, see colours, run it, fix an error, cancel,
 * profile.
 */
class SqlEditorUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  /** A copy of the shop sample, built, so its models have tables to read. */
  private Path builtShop(String name) {
    Path shop = Samples.copy("shop", dir.resolve(name));
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, null, null, 2, false, RunListener.NONE).exitCode()).isZero();
    }
    return shop;
  }

  @Test
  void openAModelTypeRunCancelAndProfile(FxRobot robot) throws Exception {
    Path shop = builtShop("shop");
    Workbench w = window.workbench();
    open(robot, shop);

    // the card opens the model's SQL, coloured
    // centre the card (the graph fits itself once laid out, so ask until it stays) and double-click
    // it
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> {
          robot.interact(() -> w.graph().reveal("model.customers"));
          javafx.scene.Node c =
              robot
                  .lookup(n -> "node-model.customers".equals(dev.sluice.app.graph.GraphIds.of(n)))
                  .tryQuery()
                  .orElse(null);
          if (c == null) {
            return false;
          }
          var b = c.localToScreen(c.getBoundsInLocal());
          var g = w.graph().localToScreen(w.graph().getBoundsInLocal());
          return Math.abs(b.getCenterX() - g.getCenterX()) < 40
              && Math.abs(b.getCenterY() - g.getCenterY()) < 40;
        });
    // a click selects the card and Enter opens its SQL (a double-click does the same, but a loaded
    // machine can space the robot's two clicks past the platform's double-click time)
    robot.clickOn(
        robot
            .lookup(n -> "node-model.customers".equals(dev.sluice.app.graph.GraphIds.of(n)))
            .queryAs(javafx.scene.Node.class));
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> w.sql().selectedEditor() != null);
    EditorTab tab = w.sql().selectedEditor();
    assertThat(tab).isNotNull();
    assertThat(tab.getText()).isEqualTo("customers");
    String original = Files.readString(shop.resolve("models/marts/customers.sql"));
    assertThat(tab.editor().text()).isEqualTo(original);
    int select = original.toLowerCase().indexOf("select");
    int jinja = original.indexOf("{{");
    assertThat(tab.editor().stylesAt(select)).contains("keyword");
    assertThat(tab.editor().stylesAt(jinja + 1)).contains("jinja");

    // typing keeps colouring (off the FX thread) and marks the tab dirty
    robot.interact(() -> tab.editor().area().replaceText(""));
    robot.clickOn(tab.editor().area());
    robot.write("select 42 as answer, 'x' as s -- note");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> tab.editor().stylesAt(0).contains("keyword"));
    String typed = tab.editor().text();
    assertThat(tab.editor().stylesAt(typed.indexOf("42"))).contains("number");
    assertThat(tab.editor().stylesAt(typed.indexOf("'x'"))).contains("string");
    assertThat(tab.editor().stylesAt(typed.indexOf("--") + 3)).contains("comment");
    assertThat(tab.getText()).isEqualTo("customers ●");

    // Ctrl+Enter runs it and the rows appear in the grid
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tab.results().rows().isEmpty());
    assertThat(tab.results().columns()).extracting(c -> c.name()).containsExactly("answer", "s");
    assertThat(tab.results().rows().get(0)[0]).isEqualTo(42);
    assertThat(tab.results().statusProperty().get()).startsWith("1 rows");

    // a SQL error names its line and the caret goes there
    robot.interact(
        () ->
            tab.editor()
                .area()
                .replaceText(
                    "select 1\nunion all\nselect nonsense_column from {{ ref('orders') }}"));
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> tab.results().errorProperty().get() != null);
    assertThat(tab.results().errorProperty().get()).contains("nonsense_column");
    assertThat(tab.results().errorLineProperty().get()).isEqualTo(3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tab.editor().area().getCurrentParagraph()).isEqualTo(2);

    // a query that would run for ever is cancelled and the window stays responsive
    robot.interact(
        () ->
            tab.editor()
                .area()
                .replaceText(
                    "select count(*) from range(100000000000) a, range(1000) b where a.range * b.range % 7 = 3"));
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.results().runningProperty().get());
    Thread.sleep(300);
    assertThat(tab.results().runningProperty().get()).isTrue();
    robot.clickOn("#results-cancel");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tab.results().runningProperty().get());
    assertThat(tab.results().statusProperty().get()).isEqualTo("Cancelled");

    // back to the saved text; the whole model runs compiled, its refs resolved
    robot.interact(() -> tab.editor().area().replaceText(original));
    assertThat(tab.getText()).isEqualTo("customers");
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.results().rows().size() == 120);
    assertThat(tab.results().sqlProperty().get()).contains("\"main\".");
    @SuppressWarnings("unchecked")
    TableView<Object[]> grid = robot.lookup("#results-table").queryAs(TableView.class);
    assertThat(grid.getItems()).hasSize(120);
    // the filter narrows the loaded rows; Ctrl+C copies the selected cells as tab-separated text
    robot.clickOn("#results-filter").write("Uma Quist");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> grid.getItems().size() == 1);
    robot.interact(
        () -> {
          grid.getSelectionModel()
              .selectRange(0, grid.getColumns().get(0), 0, grid.getColumns().get(2));
          grid.requestFocus();
        });
    robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertThat(copied[0]).isEqualTo("1\tUma Quist\tJP");
    robot.interact(
        () ->
            robot.lookup("#results-filter").queryAs(javafx.scene.control.TextField.class).clear());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> grid.getItems().size() == 120);
    shoot(robot, "sql-editor.png");
    robot.interact(
        () ->
            javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "sql-editor-dark.png");
    robot.interact(
        () ->
            javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));

    robot.clickOn("#editor-compiled");
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            tab.getContent().lookup("#sql-area") != null
                && robot.lookup(".sql-area").queryAll().stream()
                    .anyMatch(
                        n ->
                            n.isVisible()
                                && ((org.fxmisc.richtext.CodeArea) n)
                                    .getText()
                                    .contains("\"main\".")));

    // Profile: per-column cards with charts
    robot.clickOn("#editor-profile");
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> tab.profileModel().profileProperty().get() != null);
    assertThat(tab.profileModel().profileProperty().get().rows()).isEqualTo(120);
    WaitForAsyncUtils.waitForFxEvents();
    dev.sluice.core.query.ColumnProfile numeric =
        tab.profileModel().profileProperty().get().columns().stream()
            .filter(dev.sluice.core.query.ColumnProfile::histogram)
            .findFirst()
            .orElseThrow();
    javafx.scene.layout.HBox range =
        robot.lookup("#profile-range-" + numeric.name()).queryAs(javafx.scene.layout.HBox.class);
    assertThat(((javafx.scene.control.Label) range.getChildren().get(0)).getText())
        .as("a histogram says where its range starts and ends")
        .isEqualTo(numeric.min());
    assertThat(((javafx.scene.control.Label) range.getChildren().get(2)).getText())
        .isEqualTo(numeric.max());
    shoot(robot, "profile.png");

    // Space on the graph previews a seed's rows in the Data panel
    robot.interact(
        () -> {
          w.sql().tabs().getSelectionModel().select(0);
          w.project().selectedProperty().set("seed.raw_orders");
          w.preview("seed.raw_orders");
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> w.sql().previewView().model().rows().size() == 600);
  }

  @Test
  void completionOffersRefsAndColumnsAndATypoIsUnderlinedAtItsLine(FxRobot robot) throws Exception {
    Path shop = builtShop("shop2");
    Files.writeString(
        shop.resolve("models/marts/broken.sql"),
        "select order_id,\n  no_such_column\nfrom {{ ref('orders') }}\n");
    Workbench w = window.workbench();
    open(robot, shop);

    // every model's SQL is checked after the project opens; the Problems panel names file and line
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            w.sql().sqlProblems().stream()
                .anyMatch(
                    p -> p.file().toString().replace('\\', '/').equals("models/marts/broken.sql")));
    var problem =
        w.sql().sqlProblems().stream()
            .filter(p -> p.file().toString().replace('\\', '/').equals("models/marts/broken.sql"))
            .findFirst()
            .orElseThrow();
    assertThat(problem.line()).isEqualTo(2);
    assertThat(problem.message()).contains("no_such_column");
    assertThat(problem.isError()).isTrue();
    robot.interact(() -> w.openEditor("model.daily_revenue"));
    EditorTab tab = w.sql().selectedEditor();
    try {
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.SECONDS,
          () ->
              "No problems"
                  .equals(
                      robot
                          .lookup("#editor-problems")
                          .queryAs(javafx.scene.control.Label.class)
                          .getText()));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "problems: "
              + robot.lookup("#editor-problems").queryAs(javafx.scene.control.Label.class).getText()
              + " marks "
              + tab.editor().marks(),
          e);
    }

    // after ref(' the project's models are offered; Enter inserts the chosen one
    robot.interact(() -> tab.editor().area().replaceText(""));
    robot.clickOn(tab.editor().area());
    robot.write("select o. from {{ ref('");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tab.editor()::completionShowing);
    var list = robot.lookup("#completion-list").queryAs(javafx.scene.control.ListView.class);
    assertThat(list.getItems())
        .extracting(s -> ((dev.sluice.core.sqlassist.Suggestion) s).label())
        .contains("orders", "stg_orders", "customers");
    robot.write("ord");
    // names starting with what was typed come first, then names containing it
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 6);
    assertThat(list.getItems())
        .extracting(s -> ((dev.sluice.core.sqlassist.Suggestion) s).label())
        .containsExactly(
            "order_totals",
            "orders",
            "raw_order_items",
            "raw_orders",
            "stg_order_items",
            "stg_orders");
    robot.type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(list.getSelectionModel().getSelectedIndex())
        .as("Down moves the choice")
        .isEqualTo(1);
    assertThat(tab.editor().completionShowing()).isTrue();
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    robot.write("') }} o");
    assertThat(tab.editor().text()).isEqualTo("select o. from {{ ref('orders') }} o");

    // after the alias and a dot, that model's columns
    robot.interact(() -> tab.editor().area().moveTo("select o.".length()));
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.SPACE)
        .release(KeyCode.SPACE)
        .release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tab.editor()::completionShowing);
    assertThat(list.getItems())
        .extracting(s -> ((dev.sluice.core.sqlassist.Suggestion) s).label())
        .contains("order_id", "customer_id", "amount");
    shoot(robot, "sql-completion.png");
    robot.type(KeyCode.ESCAPE);

    // a typo on line 2 is underlined there, with DuckDB's message
    robot.interact(
        () -> tab.editor().area().replaceText("select 1 as a\nfromm {{ ref('orders') }}"));
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            tab.editor().marks().size() == 1
                && tab.editor().marks().get(0).message().startsWith("line 2:"));
    WaitForAsyncUtils.waitForFxEvents();
    var mark = tab.editor().marks().get(0);
    assertThat(mark.message()).contains("fromm");
    java.util.List<String> styles = new java.util.ArrayList<>();
    robot.interact(() -> styles.addAll(tab.editor().stylesAt(mark.start())));
    assertThat(styles).contains("diagnostic-error");
    assertThat(robot.lookup("#editor-problems").queryAs(javafx.scene.control.Label.class).getText())
        .isEqualTo("1 problem");
  }
}

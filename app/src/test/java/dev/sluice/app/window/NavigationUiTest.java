package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.editor.EditorTab;
import dev.sluice.app.editor.FileTab;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Go to definition, find usages and the project's YAML in the editor, as dbt Power User has. */
class NavigationUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void f12AndCtrlClickGoToRefsSourcesAndMacros(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Files.writeString(
        shop.resolve("models/staging/sources.yml"),
        "sources:\n  - name: crm\n    tables:\n      - name: contacts\n      - name: deals\n");
    Files.writeString(
        shop.resolve("models/staging/stg_deals.sql"),
        "select *\nfrom {{ source('crm', 'deals') }}\n");
    Workbench w = window.workbench();
    open(robot, shop);

    // F12 in ref('stg_orders') opens stg_orders
    EditorTab orders = openEditor(robot, w, "model.orders");
    caretAt(robot, orders.editor().area(), "ref('stg_orders')", 6);
    robot.type(KeyCode.F12);
    waitForTab(w, "editor-model.stg_orders");

    // F12 on the macro's name opens its file at the line of its {% macro %}
    orders = openEditor(robot, w, "model.orders");
    caretAt(robot, orders.editor().area(), "cents_to_currency", 3);
    robot.type(KeyCode.F12);
    FileTab macro = waitForTab(w, "file-macros/money.sql");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> macro.editor().area().getCurrentParagraph() == 1);

    // Ctrl+click on source('crm', 'deals') opens the YAML at the table's line
    EditorTab deals = openEditor(robot, w, "model.stg_deals");
    CodeArea area = deals.editor().area();
    int at = area.getText().indexOf("'deals'") + 2;
    robot.interact(() -> area.moveTo(0));
    java.util.Optional<javafx.geometry.Bounds>[] b = new java.util.Optional[1];
    robot.interact(() -> b[0] = area.getCharacterBoundsOnScreen(at, at + 1));
    var bounds = b[0];
    robot.moveTo(new javafx.geometry.Point2D(bounds.get().getCenterX(), bounds.get().getCenterY()));
    robot
        .press(KeyCode.CONTROL)
        .clickOn(javafx.scene.input.MouseButton.PRIMARY)
        .release(KeyCode.CONTROL);
    FileTab yaml = waitForTab(w, "file-models/staging/sources.yml");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> yaml.editor().area().getCurrentParagraph() == 4);
    // and it is coloured as YAML: keys as keywords
    int key = yaml.editor().text().indexOf("tables");
    assertThat(yaml.editor().stylesAt(key + 1)).contains("keyword");
  }

  @Test
  void shiftF12ListsTheModelsThatRefAModel(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Workbench w = window.workbench();
    open(robot, shop);
    robot.interact(() -> w.project().selectedProperty().set("model.orders"));
    robot.interact(() -> w.graph().requestFocus());
    robot.press(KeyCode.SHIFT).type(KeyCode.F12).release(KeyCode.SHIFT);
    @SuppressWarnings("unchecked")
    ListView<Node> list = robot.lookup("#usages-list").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
    // what refs orders, read from the files themselves
    java.util.Set<String> expected = new java.util.TreeSet<>();
    try (var files = Files.walk(shop.resolve("models"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        if (Files.readString(f).contains("ref('orders')")) {
          expected.add(f.getFileName().toString().replace(".sql", ""));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(list.getItems()).extracting(Node::name).containsAll(expected);
    assertThat(list.getItems()).extracting(Node::name).doesNotContain("orders", "stg_orders");
    shoot(robot, "find-usages.png");
    // Enter opens the first one
    robot.interact(list::requestFocus);
    robot.type(KeyCode.ENTER);
    waitForTab(w, "editor-" + list.getItems().get(0).uniqueId());
  }

  @Test
  void aYamlProblemOpensItsFileAtItsLineWithTheProblemUnderlined(FxRobot robot) throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Path schema = shop.resolve("models/marts/schema.yml");
    Files.writeString(
        schema,
        Files.readString(schema)
            .replace(
                "  - name: customers\n", "  - description: lost its name\n  - name: customers\n"));
    Workbench w = window.workbench();
    open(robot, shop);
    ProjectProblem problem =
        w.project().problems().stream()
            .filter(p -> p.file() != null && p.file().toString().endsWith("schema.yml"))
            .findFirst()
            .orElseThrow();
    WaitForAsyncUtils.waitForFxEvents(); // the split panes' skins put the panels in the scene
    javafx.scene.control.TabPane bottom =
        robot.lookup("#bottom-tabs").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(
        () ->
            bottom
                .getSelectionModel()
                .select(
                    bottom.getTabs().stream()
                        .filter(t -> t.getText().equals("Problems"))
                        .findFirst()
                        .orElseThrow()));
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#problems").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ListView<ProjectProblem> problems = robot.lookup("#problems").queryAs(ListView.class);
    robot.interact(
        () -> {
          problems.getSelectionModel().select(problem);
          problems.requestFocus();
        });
    robot.type(KeyCode.ENTER);
    FileTab tab = waitForTab(w, "file-models/marts/schema.yml");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> tab.editor().area().getCurrentParagraph() == problem.line() - 1);
    assertThat(tab.editor().marks()).hasSize(1);
    String marked =
        tab.editor()
            .text()
            .substring(tab.editor().marks().get(0).start(), tab.editor().marks().get(0).end());
    assertThat(marked).contains("lost its name");
    assertThat(tab.editor().marks().get(0).message()).isEqualTo(problem.message());

    shoot(robot, "yaml-editor.png");

    // fixing it and saving clears the problem in the tab and the panel
    robot.interact(
        () -> {
          var a = tab.editor().area();
          int from = a.getText().indexOf("  - description: lost its name\n");
          a.replaceText(from, from + "  - description: lost its name\n".length(), "");
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            w.project().problems().stream()
                .noneMatch(p -> p.file() != null && p.file().toString().endsWith("schema.yml")));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tab.editor().marks().isEmpty());
  }

  private static EditorTab openEditor(FxRobot robot, Workbench w, String nodeId) {
    robot.interact(() -> w.openEditor(nodeId));
    WaitForAsyncUtils.waitForFxEvents();
    return (EditorTab) w.sql().tabs().getSelectionModel().getSelectedItem();
  }

  private static void caretAt(FxRobot robot, CodeArea area, String text, int into) {
    robot.interact(
        () -> {
          area.moveTo(area.getText().indexOf(text) + into);
          area.requestFocus();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Tab> T waitForTab(Workbench w, String id) throws Exception {
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> {
          Tab t = w.sql().tabs().getSelectionModel().getSelectedItem();
          return t != null && id.equals(t.getId());
        });
    WaitForAsyncUtils.waitForFxEvents();
    return (T) w.sql().tabs().getSelectionModel().getSelectedItem();
  }
}

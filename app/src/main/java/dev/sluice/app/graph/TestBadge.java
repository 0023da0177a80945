package dev.sluice.app.graph;

import dev.sluice.app.runs.NodeRunState;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tests of a model drawn on its card instead of as cards of their own: how many passed, warned
 * and failed in the run shown, or only how many there are before any run. A click lists them with
 * their states; picking one selects it (the explorer and the inspector show it).
 */
final class TestBadge extends HBox {
  /** What the badge counts a test's state as. */
  enum Outcome {
    PASS,
    WARN,
    FAIL,
    NOT_RUN
  }

  private List<String> tests = List.of();
  private Function<String, NodeRunState> state = id -> NodeRunState.IDLE;
  private final Consumer<String> pick;
  private ContextMenu list;

  /**
   * @param pick what a click on a test in the list does with its node id
   */
  TestBadge(String nodeId, Consumer<String> pick) {
    this.pick = pick;
    getStyleClass().add("test-badge");
    GraphIds.name(this, "tests-" + nodeId); // not a CSS id: see GraphIds
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(3);
    setCursor(javafx.scene.Cursor.HAND);
    Tooltip.install(this, new Tooltip("This model's tests: click to list them"));
    addEventHandler(
        javafx.scene.input.MouseEvent.MOUSE_PRESSED,
        e -> e.consume()); // not the start of dragging the card
    addEventHandler(
        javafx.scene.input.MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
            showList();
          }
          e.consume();
        });
  }

  /** Shows these tests, each in the state {@code state} gives. */
  void show(List<String> tests, Function<String, NodeRunState> state) {
    this.tests = List.copyOf(tests);
    this.state = state;
    refresh();
  }

  /** The tests the badge stands for. */
  List<String> tests() {
    return tests;
  }

  /** Draws the counts again from the tests' states (after a run event). */
  void refresh() {
    getChildren().clear();
    getStyleClass().removeIf(s -> s.startsWith("test-badge-"));
    setVisible(!tests.isEmpty());
    setManaged(!tests.isEmpty());
    int[] n = counts(tests, state);
    if (n[Outcome.NOT_RUN.ordinal()] == tests.size()) {
      add("mdi2c-check-decagram-outline", tests.size(), "test-count-all");
      getStyleClass().add("test-badge-not-run");
      return;
    }
    add("mdi2c-check", n[Outcome.PASS.ordinal()], "test-count-pass");
    add("mdi2a-alert", n[Outcome.WARN.ordinal()], "test-count-warn");
    add("mdi2c-close-thick", n[Outcome.FAIL.ordinal()], "test-count-fail");
    getStyleClass()
        .add(
            n[Outcome.FAIL.ordinal()] > 0
                ? "test-badge-fail"
                : n[Outcome.WARN.ordinal()] > 0 ? "test-badge-warn" : "test-badge-pass");
  }

  /** The pass, warn, fail and not-run counts of these tests, indexed by {@link Outcome}. */
  static int[] counts(List<String> tests, Function<String, NodeRunState> state) {
    int[] n = new int[Outcome.values().length];
    for (String t : tests) {
      n[outcome(state.apply(t)).ordinal()]++;
    }
    return n;
  }

  static Outcome outcome(NodeRunState s) {
    return switch (s) {
      case TEST_PASSED -> Outcome.PASS;
      case TEST_WARNED -> Outcome.WARN;
      case TEST_FAILED, FAILED -> Outcome.FAIL;
      default -> Outcome.NOT_RUN;
    };
  }

  private void add(String icon, int count, String styleClass) {
    if (count == 0) {
      return;
    }
    FontIcon i = new FontIcon(icon);
    i.getStyleClass().addAll("test-count-icon", styleClass);
    Label l = new Label(Integer.toString(count));
    l.getStyleClass().addAll("test-count", styleClass);
    getChildren().addAll(i, l);
  }

  /** The list of the tests with their states, under the badge. */
  void showList() {
    if (list != null) {
      list.hide();
    }
    list = new ContextMenu();
    list.setId("test-list");
    for (String t : tests) {
      NodeRunState s = state.apply(t);
      String what =
          switch (outcome(s)) {
            case PASS -> "pass";
            case WARN -> "warn";
            case FAIL -> s == NodeRunState.FAILED ? "error" : "fail";
            case NOT_RUN -> s == NodeRunState.IDLE ? "not run" : s.badgeText(null);
          };
      MenuItem i = new MenuItem(t.substring(t.indexOf('.') + 1) + "  ·  " + what);
      i.setId("test-item-" + t);
      i.setMnemonicParsing(false); // test names are full of underscores
      FontIcon icon =
          new FontIcon(
              switch (outcome(s)) {
                case PASS -> "mdi2c-check";
                case WARN -> "mdi2a-alert";
                case FAIL -> "mdi2c-close-thick";
                case NOT_RUN -> "mdi2c-check-decagram-outline";
              });
      icon.getStyleClass()
          .addAll(
              "test-count-icon",
              "test-count-"
                  + outcome(s).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      i.setGraphic(icon);
      i.setOnAction(e -> pick.accept(t));
      list.getItems().add(i);
    }
    if (getScene() != null && getScene().getWindow() != null) {
      getScene().getWindow().requestFocus(); // see PipelineView.showOver
    }
    list.show(this, javafx.geometry.Side.BOTTOM, 0, 2);
  }
}

package dev.sluice.app.window;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One thing the person can tell the window to do, spelled out once: its label, its keyboard
 * shortcut, the keys that do it on the graph, its toolbar icon and when it is disabled. The menu
 * bar, the toolbar, the cards' context menus and the graph's keys are all drawn from these, so a
 * label, a key or a rule for when it can be used changes in one place.
 *
 * @param id the node id of the item or button it is drawn as, or null
 * @param label what the menu says
 * @param accelerator the menu bar's shortcut ({@link KeyCombination} syntax), or null
 * @param graphKey the keys that do the same while the graph has the focus, in {@link
 *     KeyCombination} syntax and separated by commas (the first is shown in context menus), or null
 * @param icon the Ikonli icon of its toolbar button, or null when it has none
 * @param action what it does; gets the node it is about (the card right-clicked, or the selected
 *     node), which commands about no node ignore
 * @param disabled when it cannot be used now, or null when it always can
 * @param cardLabel what a card's context menu says, from the card's node id (where "Selected" goes
 *     without saying), or null for {@code label}
 * @param needsNode whether it does nothing without a node, so that its graph keys are left to
 *     others when none is selected
 */
record Command(
    String id,
    String label,
    String accelerator,
    String graphKey,
    String icon,
    Consumer<String> action,
    ObservableBooleanValue disabled,
    Function<String, String> cardLabel,
    boolean needsNode) {

  Command(
      String id,
      String label,
      String accelerator,
      String graphKey,
      String icon,
      Consumer<String> action,
      ObservableBooleanValue disabled) {
    this(id, label, accelerator, graphKey, icon, action, disabled, null, false);
  }

  /** The same command, labelled {@code text} on a card's context menu. */
  Command onCard(String text) {
    return onCard(nodeId -> text);
  }

  /** The same command, labelled on a card's context menu by what the card is. */
  Command onCard(Function<String, String> text) {
    return new Command(id, label, accelerator, graphKey, icon, action, disabled, text, needsNode);
  }

  /** The same command, which needs a node to act on. */
  Command aboutANode() {
    return new Command(id, label, accelerator, graphKey, icon, action, disabled, cardLabel, true);
  }

  /** Whether it can be used now. */
  boolean enabled() {
    return disabled == null || !disabled.get();
  }

  /** The shortcut as the platform spells it (Ctrl+B, ⌘B), or null. */
  String shortcutText() {
    return accelerator == null ? null : KeyCombination.keyCombination(accelerator).getDisplayText();
  }

  /** The keys that do it on the graph; empty when there are none. */
  List<KeyCombination> graphKeys() {
    if (graphKey == null) {
      return List.of();
    }
    return Arrays.stream(graphKey.split(","))
        .map(String::strip)
        .map(KeyCombination::keyCombination)
        .toList();
  }

  /** Whether a key pressed on the graph is one of its keys. */
  boolean isGraphKey(KeyEvent e) {
    return graphKeys().stream().anyMatch(k -> k.match(e));
  }

  /** The key a context menu shows: its first graph key, else its shortcut, or null. */
  String keyText() {
    List<KeyCombination> keys = graphKeys();
    return keys.isEmpty() ? shortcutText() : keys.get(0).getDisplayText();
  }

  /** An item of the menu bar: acts on the selected node. */
  MenuItem menuItem(java.util.function.Supplier<String> selected) {
    MenuItem i = new MenuItem(label);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    bindDisabled(i);
    i.setOnAction(e -> action.accept(selected.get()));
    return i;
  }

  /**
   * An item of a card's context menu: acts on that card, the key that does the same in brackets.
   */
  MenuItem contextItem(String nodeId) {
    String key = keyText();
    String text = cardLabel == null ? label : cardLabel.apply(nodeId);
    MenuItem i = new MenuItem(key == null ? text : text + " (" + key + ")");
    if (id != null) {
      i.setId("menu-" + id);
    }
    bindDisabled(i);
    i.setOnAction(e -> action.accept(nodeId));
    return i;
  }

  /** A toolbar button: its icon, and the label with the shortcut as its tooltip. */
  Button button(java.util.function.Supplier<String> selected) {
    Button b = new Button(null, new FontIcon(icon));
    String key = shortcutText();
    b.setTooltip(new Tooltip(key == null ? label : label + " (" + key + ")"));
    if (id != null) {
      b.setId(id);
    }
    if (disabled != null) {
      b.disableProperty().bind(disabled);
    }
    b.setOnAction(e -> action.accept(selected.get()));
    return b;
  }

  private void bindDisabled(MenuItem i) {
    if (disabled != null) {
      i.disableProperty().bind(disabled);
    }
  }
}

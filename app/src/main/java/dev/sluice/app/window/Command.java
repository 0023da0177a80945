package dev.sluice.app.window;

import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One thing the person can tell the window to do, spelled out once: its label, its keyboard
 * shortcut, its toolbar icon and when it is disabled. The menu bar, the toolbar and the cards'
 * context menus are all drawn from these, so a label or a shortcut changes in one place.
 *
 * @param id the node id of the item or button it is drawn as, or null
 * @param label what the menu says
 * @param accelerator the shortcut ({@link KeyCombination} syntax), or null
 * @param graphKey the key that does the same on the graph (Enter, Space), shown in context menus,
 *     or null
 * @param icon the Ikonli icon of its toolbar button, or null when it has none
 * @param action what it does; gets the node it is about (the card right-clicked, or the selected
 *     node), which commands about no node ignore
 * @param disabled when it cannot be used now, or null when it always can
 */
record Command(
    String id,
    String label,
    String accelerator,
    String graphKey,
    String icon,
    Consumer<String> action,
    ObservableBooleanValue disabled) {

  /** The shortcut as the platform spells it (Ctrl+B, ⌘B), or null. */
  String shortcutText() {
    return accelerator == null ? null : KeyCombination.keyCombination(accelerator).getDisplayText();
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
    String key = graphKey != null ? graphKey : shortcutText();
    MenuItem i = new MenuItem(key == null ? label : label + " (" + key + ")");
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

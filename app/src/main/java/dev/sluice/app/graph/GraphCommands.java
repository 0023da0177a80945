package dev.sluice.app.graph;

import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;

/**
 * What the graph asks the window's command table for, so that a card's context menu and the graph's
 * keys are the same commands as the menu bar and the toolbar, with the same labels, keys and
 * enabled states.
 */
public interface GraphCommands {
  /** The commands of a node's card, as context menu items that act on that node. */
  List<MenuItem> forCard(String nodeId);

  /**
   * Does what a key pressed on the graph is bound to, if anything is and it can be used now.
   *
   * @param selected the selected node, or null
   * @return whether a command ran (the key is then consumed)
   */
  boolean onKey(KeyEvent e, String selected);
}

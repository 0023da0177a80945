package dev.sluice.app.window;

import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The side panels' show/hide toggles: the explorer and the inspector beside the graph, the run
 * panel under it. A hidden panel leaves its split, so the graph takes the room; the choice is kept
 * across restarts. On a small screen (a 1280 by 720 laptop) a first start hides the two side
 * panels.
 */
final class PanelToggles {
  enum Panel {
    EXPLORER,
    INSPECTOR,
    BOTTOM
  }

  private final Preferences prefs;
  private final SplitPane middle;
  private final SplitPane vertical;
  private final Node explorer;
  private final Node inspector;
  private final Node bottom;
  private double explorerWidth = 0.18;
  private double inspectorWidth = 0.22;
  private double bottomHeight = 0.32;

  PanelToggles(
      Preferences prefs,
      SplitPane middle,
      Node explorer,
      Node inspector,
      SplitPane vertical,
      Node bottom) {
    this.prefs = prefs;
    this.middle = middle;
    this.vertical = vertical;
    this.explorer = explorer;
    this.inspector = inspector;
    this.bottom = bottom;
  }

  /** Applies the kept choices, or the small-screen default when there are none yet. */
  void restore(double screenWidth, double screenHeight) {
    boolean small = screenWidth < 1280 || screenHeight < 760;
    for (Panel p : Panel.values()) {
      String kept = prefs.get(key(p), null);
      boolean shown = kept == null ? !(small && p != Panel.BOTTOM) : Boolean.parseBoolean(kept);
      if (!shown) {
        set(p, false, false);
      }
    }
  }

  boolean isShown(Panel p) {
    return switch (p) {
      case EXPLORER -> middle.getItems().contains(explorer);
      case INSPECTOR -> middle.getItems().contains(inspector);
      case BOTTOM -> vertical.getItems().contains(bottom);
    };
  }

  void toggle(Panel p) {
    set(p, !isShown(p), true);
  }

  /** Shows a panel if it is hidden (a run brings its panel back). */
  void show(Panel p) {
    if (!isShown(p)) {
      set(p, true, true);
    }
  }

  private void set(Panel p, boolean shown, boolean keep) {
    if (isShown(p) == shown) {
      return;
    }
    switch (p) {
      case EXPLORER -> {
        if (shown) {
          middle.getItems().add(0, explorer);
          double[] d = middle.getDividerPositions();
          d[0] = explorerWidth;
          middle.setDividerPositions(d);
        } else {
          explorerWidth = middle.getDividerPositions()[0];
          middle.getItems().remove(explorer);
        }
      }
      case INSPECTOR -> {
        if (shown) {
          middle.getItems().add(inspector);
          double[] d = middle.getDividerPositions();
          d[d.length - 1] = 1 - inspectorWidth;
          middle.setDividerPositions(d);
        } else {
          double[] d = middle.getDividerPositions();
          inspectorWidth = 1 - d[d.length - 1];
          middle.getItems().remove(inspector);
        }
      }
      case BOTTOM -> {
        if (shown) {
          vertical.getItems().add(bottom);
          vertical.setDividerPositions(1 - bottomHeight);
        } else {
          bottomHeight = 1 - vertical.getDividerPositions()[0];
          vertical.getItems().remove(bottom);
        }
      }
    }
    if (keep) {
      prefs.put(key(p), Boolean.toString(shown));
    }
  }

  private static String key(Panel p) {
    return "panel." + p.name().toLowerCase(java.util.Locale.ROOT) + ".shown";
  }
}

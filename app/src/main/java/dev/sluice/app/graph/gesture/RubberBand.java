package dev.sluice.app.graph.gesture;

import java.util.function.BiConsumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * Selects by drawing a rectangle: Shift and drag on the empty canvas (a plain drag there pans).
 * Reports the rectangle in the graph's coordinates, and whether Ctrl was held to add to the
 * selection rather than replace it.
 */
public final class RubberBand {
  private final Rectangle band = new Rectangle();
  private double startX;
  private double startY;
  private boolean active;

  public RubberBand(Pane viewport, Pane content, BiConsumer<Bounds, Boolean> onSelect) {
    band.getStyleClass().add("rubber-band");
    band.setId("rubber-band");
    band.setManaged(false);
    band.setMouseTransparent(true);
    javafx.scene.control.Tooltip hint =
        new javafx.scene.control.Tooltip(
            "Drag to pan · Shift+drag to select an area · Ctrl+click to add to the selection · Ctrl+A selects all");
    hint.setShowDelay(javafx.util.Duration.seconds(1.5));
    // a hint about the graph has no business over a dialog: only while the graph's window has focus
    hint.showingProperty()
        .addListener(
            (o, was, showing) -> {
              if (showing
                  && (viewport.getScene() == null
                      || !viewport.getScene().getWindow().isFocused())) {
                javafx.application.Platform.runLater(hint::hide);
              }
            });
    javafx.scene.control.Tooltip.install(viewport, hint);
    viewport.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          active =
              e.isShiftDown()
                  && e.getButton() == MouseButton.PRIMARY
                  && (e.getTarget() == viewport || e.getTarget() == content);
          if (active) {
            startX = e.getX();
            startY = e.getY();
            band.setX(startX);
            band.setY(startY);
            band.setWidth(0);
            band.setHeight(0);
            viewport.getChildren().add(band);
            e.consume();
          }
        });
    viewport.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (active) {
            band.setX(Math.min(startX, e.getX()));
            band.setY(Math.min(startY, e.getY()));
            band.setWidth(Math.abs(e.getX() - startX));
            band.setHeight(Math.abs(e.getY() - startY));
            e.consume();
          }
        });
    viewport.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          if (active) {
            active = false;
            viewport.getChildren().remove(band);
            Bounds onGraph =
                content.parentToLocal(
                    new BoundingBox(band.getX(), band.getY(), band.getWidth(), band.getHeight()));
            onSelect.accept(onGraph, e.isShortcutDown());
            e.consume();
          }
        });
  }

  /** Whether a band is being drawn (so that a drag does not also pan). */
  public boolean active() {
    return active;
  }
}

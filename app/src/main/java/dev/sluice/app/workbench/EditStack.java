package dev.sluice.app.workbench;

import dev.sluice.core.edit.ProjectEdit;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One command stack for every edit made by drawing: each is applied to the files, and undo and redo
 * replay the same file changes backwards and forwards.
 */
public final class EditStack {
  private final Deque<ProjectEdit> undo = new ArrayDeque<>();
  private final Deque<ProjectEdit> redo = new ArrayDeque<>();
  private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
  private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
  private final Runnable afterChange;

  /**
   * @param afterChange runs after every apply, undo and redo (reload the project)
   */
  public EditStack(Runnable afterChange) {
    this.afterChange = afterChange;
  }

  public void apply(ProjectEdit edit) throws IOException {
    edit.apply();
    undo.push(edit);
    redo.clear();
    changed();
  }

  /** Returns what was undone, or null when there was nothing. */
  public String undo() throws IOException {
    ProjectEdit e = undo.poll();
    if (e == null) {
      return null;
    }
    e.revert();
    redo.push(e);
    changed();
    return e.description();
  }

  public String redo() throws IOException {
    ProjectEdit e = redo.poll();
    if (e == null) {
      return null;
    }
    e.apply();
    undo.push(e);
    changed();
    return e.description();
  }

  public void clear() {
    undo.clear();
    redo.clear();
    changed();
  }

  private void changed() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
    afterChange.run();
  }

  public BooleanProperty canUndoProperty() {
    return canUndo;
  }

  public BooleanProperty canRedoProperty() {
    return canRedo;
  }
}

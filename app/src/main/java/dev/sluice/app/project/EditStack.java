package dev.sluice.app.project;

import dev.sluice.core.edit.ProjectEdit;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One command stack for every edit made by drawing: each is applied to the files, and undo and redo
 * replay the same file changes backwards and forwards. A replay that would overwrite a file changed
 * since (a save in a SQL tab, another editor, git) is refused with the reason and clears the
 * history, so nothing newer is lost; changes from outside Sluice clear it too.
 */
public final class EditStack {
  private final Deque<ProjectEdit> undo = new ArrayDeque<>();
  private final Deque<ProjectEdit> redo = new ArrayDeque<>();
  private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
  private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
  private final Runnable afterChange;
  private String clearedBecause;

  /** What an undo or redo did. */
  public sealed interface Step {
    /** What the status bar shows; {@code verb} names a done step ("Undid", "Redid"). */
    String message(String verb);

    /** The edit was undone or redone. */
    record Done(String description) implements Step {
      @Override
      public String message(String verb) {
        return verb + ": " + description;
      }
    }

    /** There was nothing to undo or redo; {@code why} says so, naming a cleared history. */
    record Nothing(String why) implements Step {
      @Override
      public String message(String verb) {
        return why;
      }
    }

    /** The files changed since; nothing was written. */
    record Refused(String reason) implements Step {
      @Override
      public String message(String verb) {
        return reason;
      }
    }
  }

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
    clearedBecause = null;
    changed(true);
  }

  public Step undo() throws IOException {
    ProjectEdit e = undo.peek();
    if (e == null) {
      return nothing("undo");
    }
    Optional<String> refused = e.revert();
    if (refused.isPresent()) {
      return refuse(refused.get());
    }
    undo.pop();
    redo.push(e);
    changed(true);
    return new Step.Done(e.description());
  }

  public Step redo() throws IOException {
    ProjectEdit e = redo.peek();
    if (e == null) {
      return nothing("redo");
    }
    Optional<String> refused = e.reapply();
    if (refused.isPresent()) {
      return refuse(refused.get());
    }
    redo.pop();
    undo.push(e);
    changed(true);
    return new Step.Done(e.description());
  }

  /**
   * Files of the project changed outside this stack (another editor, git): the history no longer
   * describes them, so it is dropped; the next undo says why.
   */
  public void outsideChange() {
    if (!undo.isEmpty() || !redo.isEmpty()) {
      undo.clear();
      redo.clear();
      clearedBecause = "the project's files changed outside Sluice";
      changed(false);
    }
  }

  public void clear() {
    undo.clear();
    redo.clear();
    clearedBecause = null;
    changed(true);
  }

  private Step refuse(String reason) {
    undo.clear();
    redo.clear();
    clearedBecause = "the undo history was cleared after a refused step";
    changed(false);
    return new Step.Refused(reason + "; the undo history was cleared so nothing newer is lost");
  }

  private Step nothing(String verb) {
    String base = "Nothing to " + verb;
    return new Step.Nothing(clearedBecause == null ? base : base + ": " + clearedBecause);
  }

  private void changed(boolean filesWritten) {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
    if (filesWritten) {
      afterChange.run();
    }
  }

  public int undoCount() {
    return undo.size();
  }

  public int redoCount() {
    return redo.size();
  }

  public BooleanProperty canUndoProperty() {
    return canUndo;
  }

  public BooleanProperty canRedoProperty() {
    return canRedo;
  }
}

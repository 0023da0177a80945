package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.edit.FileChange;
import dev.sluice.core.edit.ProjectEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The undo stack on its own, case by case: push, undo, redo, a redo lost to a new edit, and the
 * refusals that keep a newer file safe.
 */
class EditStackTest {
  @TempDir Path dir;
  Path file;
  final AtomicInteger reloads = new AtomicInteger();
  EditStack stack;

  @BeforeEach
  void stack() throws Exception {
    file = dir.resolve("a.sql");
    Files.writeString(file, "v0");
    stack = new EditStack(reloads::incrementAndGet);
  }

  private ProjectEdit edit(String before, String after) {
    return new ProjectEdit("write " + after, List.of(new FileChange(file, before, after)));
  }

  private String text() throws Exception {
    return Files.readString(file);
  }

  @Test
  void anEmptyStackHasNothingToUndoOrRedo() throws Exception {
    assertThat(stack.canUndoProperty().get()).isFalse();
    assertThat(stack.canRedoProperty().get()).isFalse();
    assertThat(stack.undo()).isEqualTo(new EditStack.Step.Nothing("Nothing to undo"));
    assertThat(stack.redo()).isEqualTo(new EditStack.Step.Nothing("Nothing to redo"));
    assertThat(reloads).hasValue(0);
  }

  @Test
  void pushAppliesTheEditAndMakesItUndoable() throws Exception {
    stack.apply(edit("v0", "v1"));
    assertThat(text()).isEqualTo("v1");
    assertThat(stack.canUndoProperty().get()).isTrue();
    assertThat(stack.canRedoProperty().get()).isFalse();
    assertThat(reloads).hasValue(1);
  }

  @Test
  void undoAndRedoWalkTheEditsInOrder() throws Exception {
    stack.apply(edit("v0", "v1"));
    stack.apply(edit("v1", "v2"));
    assertThat(stack.undo()).isEqualTo(new EditStack.Step.Done("write v2"));
    assertThat(text()).isEqualTo("v1");
    assertThat(stack.undo()).isEqualTo(new EditStack.Step.Done("write v1"));
    assertThat(text()).isEqualTo("v0");
    assertThat(stack.canUndoProperty().get()).isFalse();
    assertThat(stack.redoCount()).isEqualTo(2);
    assertThat(stack.redo()).isEqualTo(new EditStack.Step.Done("write v1"));
    assertThat(stack.redo()).isEqualTo(new EditStack.Step.Done("write v2"));
    assertThat(text()).isEqualTo("v2");
    assertThat(stack.canRedoProperty().get()).isFalse();
  }

  @Test
  void aNewEditAfterUndoDropsTheRedo() throws Exception {
    stack.apply(edit("v0", "v1"));
    stack.undo();
    stack.apply(edit("v0", "w1"));
    assertThat(stack.canRedoProperty().get()).isFalse();
    assertThat(stack.redo().message("Redid")).isEqualTo("Nothing to redo");
    assertThat(text()).isEqualTo("w1");
  }

  @Test
  void undoIsRefusedWhenTheFileWasSavedSinceAndTheNewerTextStays() throws Exception {
    stack.apply(edit("v0", "v1"));
    Files.writeString(file, "saved elsewhere");
    int before = reloads.get();

    EditStack.Step step = stack.undo();
    assertThat(step).isInstanceOf(EditStack.Step.Refused.class);
    assertThat(step.message("Undid")).contains("Cannot undo").contains("a.sql");
    assertThat(text()).isEqualTo("saved elsewhere");
    assertThat(reloads).as("nothing written, nothing to reload").hasValue(before);
    assertThat(stack.canUndoProperty().get()).isFalse();
    assertThat(stack.undo().message("Undid")).startsWith("Nothing to undo: ");
  }

  @Test
  void redoIsRefusedWhenTheFileChangedAfterTheUndo() throws Exception {
    stack.apply(edit("v0", "v1"));
    stack.undo();
    Files.writeString(file, "typed after undo");
    assertThat(stack.redo()).isInstanceOf(EditStack.Step.Refused.class);
    assertThat(text()).isEqualTo("typed after undo");
    assertThat(stack.canRedoProperty().get()).isFalse();
  }

  @Test
  void anOutsideChangeClearsTheHistoryAndTheNextUndoSaysWhy() throws Exception {
    stack.apply(edit("v0", "v1"));
    stack.apply(edit("v1", "v2"));
    stack.outsideChange();
    assertThat(stack.canUndoProperty().get()).isFalse();
    assertThat(stack.undo().message("Undid"))
        .isEqualTo("Nothing to undo: the project's files changed outside Sluice");
    assertThat(text()).isEqualTo("v2");
  }

  @Test
  void clearForgetsEverything() throws Exception {
    stack.apply(edit("v0", "v1"));
    stack.undo();
    stack.clear();
    assertThat(stack.undoCount()).isZero();
    assertThat(stack.redoCount()).isZero();
    assertThat(stack.redo().message("Redid")).isEqualTo("Nothing to redo");
  }
}

package dev.sluice.core.edit;

import dev.sluice.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One file before and after an edit; null text means the file does not exist. Applying writes the
 * new text atomically (or deletes the file); reverting restores the old, but only while the file
 * still holds what the edit wrote, so an undo never overwrites a newer save.
 */
public record FileChange(Path file, String before, String after) {

  public void apply() throws IOException {
    write(after);
  }

  /**
   * Restores {@code before} when the file still holds {@code after}; otherwise writes nothing and
   * returns why.
   */
  public Optional<String> revert() throws IOException {
    Optional<String> refused = unlessHolds(file, after, "undo");
    if (refused.isEmpty()) {
      restore();
    }
    return refused;
  }

  /** Writes {@code before} without checking; the caller has checked. */
  void restore() throws IOException {
    write(before);
  }

  /**
   * Empty when the file holds {@code expected} (null: does not exist); otherwise why {@code action}
   * would overwrite a change made since.
   */
  static Optional<String> unlessHolds(Path file, String expected, String action)
      throws IOException {
    String now = Files.exists(file) ? Files.readString(file) : null;
    if (Objects.equals(now, expected)) {
      return Optional.empty();
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String what = now == null ? " was deleted" : " was changed";
    return Optional.of(
        "Cannot "
            + action
            + ": "
            + name
            + what
            + " since this edit, and "
            + action
            + " would overwrite that change");
  }

  private void write(String text) throws IOException {
    if (text == null) {
      Files.deleteIfExists(file);
    } else {
      AtomicFiles.write(file, text);
    }
  }
}

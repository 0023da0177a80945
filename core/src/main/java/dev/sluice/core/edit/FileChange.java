package dev.sluice.core.edit;

import dev.sluice.core.run.RunArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file before and after an edit; null text means the file does not exist. Applying writes the
 * new text atomically (or deletes the file); reverting restores the old.
 */
public record FileChange(Path file, String before, String after) {

  public void apply() throws IOException {
    write(after);
  }

  public void revert() throws IOException {
    write(before);
  }

  private void write(String text) throws IOException {
    if (text == null) {
      Files.deleteIfExists(file);
    } else {
      RunArtifacts.writeAtomically(file, text);
    }
  }
}

package dev.sluice.core.edit;

import java.io.IOException;
import java.util.List;
import java.util.ListIterator;

/** A named edit of a project: file changes applied together and undone together. */
public record ProjectEdit(String description, List<FileChange> changes) {

  public ProjectEdit {
    changes = List.copyOf(changes);
  }

  public void apply() throws IOException {
    for (FileChange c : changes) {
      c.apply();
    }
  }

  public void revert() throws IOException {
    ListIterator<FileChange> it = changes.listIterator(changes.size());
    while (it.hasPrevious()) {
      it.previous().revert();
    }
  }
}

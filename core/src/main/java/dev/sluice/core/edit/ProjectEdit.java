package dev.sluice.core.edit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;

/**
 * A named edit of a project: file changes applied together and undone together. Undo and redo first
 * check that every file still holds what the other direction left there; if one does not, nothing
 * is written and the reason is returned.
 */
public record ProjectEdit(String description, List<FileChange> changes) {

  public ProjectEdit {
    changes = List.copyOf(changes);
  }

  public void apply() throws IOException {
    for (FileChange c : changes) {
      c.apply();
    }
  }

  /** Applies again (redo), unless a file no longer holds what undo left there; returns why not. */
  public Optional<String> reapply() throws IOException {
    Map<Path, String> expected = new LinkedHashMap<>();
    for (FileChange c : changes) {
      expected.putIfAbsent(c.file(), c.before());
    }
    Optional<String> refused = check(expected, "redo");
    if (refused.isEmpty()) {
      apply();
    }
    return refused;
  }

  /** Reverts (undo), unless a file no longer holds what this edit wrote; returns why not. */
  public Optional<String> revert() throws IOException {
    Map<Path, String> expected = new LinkedHashMap<>();
    for (FileChange c : changes) {
      expected.put(c.file(), c.after());
    }
    Optional<String> refused = check(expected, "undo");
    if (refused.isPresent()) {
      return refused;
    }
    ListIterator<FileChange> it = changes.listIterator(changes.size());
    while (it.hasPrevious()) {
      it.previous().restore();
    }
    return Optional.empty();
  }

  private static Optional<String> check(Map<Path, String> expected, String action)
      throws IOException {
    for (Map.Entry<Path, String> e : expected.entrySet()) {
      Optional<String> r = FileChange.unlessHolds(e.getKey(), e.getValue(), action);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }
}

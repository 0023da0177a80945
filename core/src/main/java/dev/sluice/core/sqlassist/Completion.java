package dev.sluice.core.sqlassist;

import java.util.List;

/**
 * What to offer at a caret. The text between {@code replaceFrom} and {@code replaceTo} (the word
 * being typed) is replaced by the chosen item's insert text.
 */
public record Completion(int replaceFrom, int replaceTo, List<Suggestion> items) {

  public Completion {
    items = List.copyOf(items);
  }

  static Completion none(int caret) {
    return new Completion(caret, caret, List.of());
  }
}

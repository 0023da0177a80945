package dev.sluice.core.sqlassist;

/**
 * One completion item.
 *
 * @param label what the list shows
 * @param insertText what replaces the word being typed when the item is chosen
 * @param detail a short hint shown beside the label (a column's relation, a function's kind, ...)
 */
public record Suggestion(String label, Kind kind, String insertText, String detail) {

  public enum Kind {
    KEYWORD,
    FUNCTION,
    REF,
    SOURCE,
    TABLE,
    COLUMN,
    MACRO
  }
}

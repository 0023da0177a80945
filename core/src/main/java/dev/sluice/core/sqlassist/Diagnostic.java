package dev.sluice.core.sqlassist;

/**
 * A problem in the text being edited, placed so an editor can underline it.
 *
 * @param line 1-based line in the source text (SQL with Jinja), not in the compiled SQL
 * @param column 1-based column of {@code startOffset} in that line
 * @param startOffset 0-based offset into the source text where the underline starts
 * @param endOffset 0-based offset where it ends (exclusive); equal to start when nothing precise is
 *     known
 */
public record Diagnostic(
    int line, int column, int startOffset, int endOffset, String message, Severity severity) {

  public enum Severity {
    ERROR,
    WARNING
  }
}

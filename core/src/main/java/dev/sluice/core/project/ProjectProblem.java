package dev.sluice.core.project;

import java.nio.file.Path;

/**
 * Something wrong with a project, with where it is. Problems are values: loading a project collects
 * them all rather than stopping at the first.
 *
 * @param file the file at fault, relative to the project root where possible; null when the problem
 *     is about the project as a whole
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record ProjectProblem(Path file, int line, int column, Severity severity, String message) {

  public enum Severity {
    ERROR,
    WARNING
  }

  public static ProjectProblem error(Path file, int line, String message) {
    return new ProjectProblem(file, line, 0, Severity.ERROR, message);
  }

  public static ProjectProblem warning(Path file, int line, String message) {
    return new ProjectProblem(file, line, 0, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code models/a.sql:12: message}, the form editors and terminals turn into links. */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder();
    if (file != null) {
      where.append(file.toString().replace('\\', '/'));
      if (line > 0) {
        where.append(':').append(line);
        if (column > 0) {
          where.append(':').append(column);
        }
      }
      where.append(": ");
    }
    return where + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}

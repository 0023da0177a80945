package dev.sluice.core.query;

import dev.sluice.core.project.ProjectProblem;
import java.util.List;

/** A query that cannot be run as asked: it did not compile, or the node has nothing to show yet. */
public final class QueryException extends RuntimeException {
  private final transient List<ProjectProblem> problems;

  public QueryException(String message, List<ProjectProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public QueryException(String message) {
    this(message, List.of());
  }

  /** Where the problem is, when it is in a file (a Jinja error at a line, say). */
  public List<ProjectProblem> problems() {
    return problems;
  }
}

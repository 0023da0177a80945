package dev.sluice.core.project;

import java.util.List;

/** Thrown where a caller needs a valid project and the loaded one has errors. */
public final class ProjectException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ProjectProblem> problems;

  public ProjectException(List<ProjectProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public ProjectException(ProjectProblem problem) {
    this(List.of(problem));
  }

  public List<ProjectProblem> problems() {
    return problems;
  }

  private static String summary(List<ProjectProblem> problems) {
    StringBuilder sb = new StringBuilder();
    for (ProjectProblem p : problems) {
      if (sb.length() > 0) {
        sb.append(System.lineSeparator());
      }
      sb.append(p);
    }
    return sb.toString();
  }
}

package dev.sluice.core.parse;

import dev.sluice.core.project.ProjectProblem;
import java.util.List;
import java.util.Map;

/**
 * The result of rendering one template.
 *
 * @param refs names passed to {@code ref()}, in order of first use
 * @param sources {@code [source, table]} pairs passed to {@code source()}
 * @param config what {@code config()} calls set
 */
public record Rendered(
    String sql,
    List<String> refs,
    List<List<String>> sources,
    Map<String, Object> config,
    List<ProjectProblem> problems) {

  public Rendered {
    refs = List.copyOf(refs);
    sources = List.copyOf(sources);
    config = dev.sluice.core.project.NodeConfig.frozen(config);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.stream().noneMatch(ProjectProblem::isError);
  }
}

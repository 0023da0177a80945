package dev.sluice.core.compile;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.warehouse.Relation;
import java.util.List;

/**
 * A node ready to run: the SQL that goes to the warehouse and the relation it builds.
 *
 * @param sql the final SQL (a SELECT), or null for nodes without SQL (seeds, sources)
 * @param incremental whether this build adds to an existing incremental table
 */
public record CompiledNode(
    Node node, Relation relation, String sql, boolean incremental, List<ProjectProblem> problems) {
  public CompiledNode {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.stream().noneMatch(ProjectProblem::isError);
  }
}

package dev.sluice.core.compile;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.warehouse.Relation;
import java.util.List;
import java.util.Map;

/**
 * A node ready to run: the SQL that goes to the warehouse and the relation it builds.
 *
 * @param sql the final SQL (a SELECT), or null for nodes without SQL (seeds, sources)
 * @param incremental whether this build adds to an existing incremental table
 * @param setByConfigCalls what {@code config()} calls set while the SQL was rendered; for a generic
 *     test this is where a test macro's own {@code config(fail_calc=...)} lands
 */
public record CompiledNode(
    Node node,
    Relation relation,
    String sql,
    boolean incremental,
    List<ProjectProblem> problems,
    Map<String, Object> setByConfigCalls) {
  public CompiledNode {
    problems = List.copyOf(problems);
    setByConfigCalls = NodeConfig.frozen(setByConfigCalls);
  }

  public CompiledNode(
      Node node,
      Relation relation,
      String sql,
      boolean incremental,
      List<ProjectProblem> problems) {
    this(node, relation, sql, incremental, problems, Map.of());
  }

  /**
   * The node's configuration as it runs: what the project and schema files give, with what the
   * rendered SQL's {@code config()} calls set filling the keys they leave unset (a test's own
   * {@code config:} in YAML wins over its macro's defaults, as in dbt).
   */
  public NodeConfig effectiveConfig() {
    if (setByConfigCalls.isEmpty()) {
      return node.config();
    }
    Map<String, Object> merged = new java.util.LinkedHashMap<>(setByConfigCalls);
    merged.putAll(node.config().values());
    return NodeConfig.of(merged);
  }

  public boolean ok() {
    return problems.stream().noneMatch(ProjectProblem::isError);
  }
}

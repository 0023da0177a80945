package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A SQL model: a SELECT, possibly templated, that becomes a view, table, incremental table or an
 * inlined CTE.
 *
 * @param sql the raw file contents, before rendering
 * @param folder the folder under the model path, e.g. {@code staging/shop}; empty at the top
 */
public record Model(
    String name,
    Path file,
    String sql,
    String folder,
    NodeConfig config,
    String description,
    List<Column> columns)
    implements Node {

  public Model {
    columns = List.copyOf(columns);
  }

  @Override
  public String uniqueId() {
    return "model." + name;
  }

  @Override
  public int line() {
    return 1;
  }

  public Model withSql(String newSql) {
    return new Model(name, file, newSql, folder, config, description, columns);
  }

  public Model withConfig(NodeConfig newConfig) {
    return new Model(name, file, sql, folder, newConfig, description, columns);
  }

  @Override
  public NodeKind kind() {
    return NodeKind.MODEL;
  }
}

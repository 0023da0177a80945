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

  /** The file an ad-hoc query is said to come from in its messages. */
  public static final Path AD_HOC_FILE = Path.of("<query>");

  /**
   * Ad-hoc SQL typed by a user (the CLI's {@code query}, the app's query editor): {@code ref()} and
   * {@code source()} work in it, nothing is configured.
   */
  public static Model adHoc(String sql) {
    return new Model("query", AD_HOC_FILE, sql, "", NodeConfig.EMPTY, "", List.of());
  }

  /** Whether this is ad-hoc SQL rather than a model of the project. */
  public boolean isAdHoc() {
    return AD_HOC_FILE.equals(file);
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

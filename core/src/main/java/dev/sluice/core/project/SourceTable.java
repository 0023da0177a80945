package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A table that arrives from outside the project: either already in the warehouse (a dbt source) or
 * extracted and loaded by Sluice, when its source names a connector.
 *
 * @param sourceName the source it belongs to, the first argument of {@code source()}
 * @param name the table's name, the second argument of {@code source()}
 * @param schema the warehouse schema the table lives in
 * @param identifier the table's name in the warehouse
 * @param load how to extract it, or null when the table is only declared
 */
public record SourceTable(
    String sourceName,
    String name,
    String schema,
    String identifier,
    Path file,
    int line,
    NodeConfig config,
    String description,
    List<Column> columns,
    LoadSpec load)
    implements Node {

  public SourceTable {
    columns = List.copyOf(columns);
  }

  @Override
  public String uniqueId() {
    return "source." + sourceName + "." + name;
  }

  /** {@code shop_db.orders}. */
  public String qualifiedName() {
    return sourceName + "." + name;
  }

  public boolean isLoaded() {
    return load != null;
  }

  /**
   * What Sluice extracts for this table.
   *
   * @param connector the connector kind, e.g. {@code postgres}, {@code files}, {@code rest}
   * @param connection the connection settings of the source, with {@code ${env:VAR}} left
   *     unresolved
   * @param table the table's own settings (primary_key, cursor, write_disposition, ...)
   */
  public record LoadSpec(
      String connector, Map<String, Object> connection, Map<String, Object> table) {
    public LoadSpec {
      connection = NodeConfig.frozen(connection);
      table = NodeConfig.frozen(table);
    }
  }

  @Override
  public NodeKind kind() {
    return NodeKind.SOURCE;
  }
}

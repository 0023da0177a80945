package dev.sluice.core.lineage;

import java.util.List;
import java.util.Optional;

/**
 * The column lineage of one model, one hop upstream.
 *
 * @param hash what it was computed from (the rendered SQL and its upstreams' columns)
 * @param columns the model's output columns in order
 * @param keys columns that decide which rows there are: join keys and filters, anywhere in the
 *     query
 * @param complete false when a {@code select *} read columns that are not known, so the model may
 *     have more columns than listed
 * @param problems what stopped the analysis, such as a syntax error, with its line
 */
public record ModelLineage(
    String node,
    String hash,
    List<ColumnLineage> columns,
    List<Link> keys,
    boolean complete,
    List<String> problems) {
  public ModelLineage {
    columns = List.copyOf(columns);
    keys = List.copyOf(keys);
    problems = List.copyOf(problems);
  }

  public Optional<ColumnLineage> column(String name) {
    return columns.stream().filter(c -> c.column().equalsIgnoreCase(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnLineage::column).toList();
  }
}

package dev.sluice.core.project;

import java.util.List;
import java.util.Map;

/**
 * Rows of a unit test: given for one input ({@code ref('x')} or {@code source('s', 't')}), or
 * expected. Rows come as dicts (also what CSV becomes) or as a SQL query ({@code format: sql}).
 *
 * @param input the input as written, e.g. {@code ref('stg_orders')}; null for the expected rows
 * @param rows the rows, each column name to value, when not SQL
 * @param sql the query giving the rows for {@code format: sql}, else null
 */
public record UnitTestRows(String input, List<Map<String, Object>> rows, String sql, int line) {
  public UnitTestRows {
    rows = rows == null ? List.of() : rows.stream().map(NodeConfig::frozen).toList();
  }
}

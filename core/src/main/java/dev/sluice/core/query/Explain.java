package dev.sluice.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code EXPLAIN ANALYZE} of a query: the warehouse runs it with profiling on and answers the plan
 * as JSON, which becomes a {@link QueryPlan}. The query runs to its end (its rows are thrown away),
 * so the times are the real ones.
 */
public final class Explain {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Operators DuckDB puts around every profiled plan, which say nothing about the query. */
  private static final Set<String> WRAPPERS = Set.of("RESULT_COLLECTOR", "EXPLAIN_ANALYZE");

  private Explain() {}

  /**
   * Profiles {@code sql} (one query, no trailing semicolon needed). A query the warehouse refuses
   * fails with its message; a warehouse without profiling fails saying so.
   */
  public static QueryPlan analyze(Warehouse warehouse, String sql, ResultStream.Cancel cancel)
      throws SQLException {
    String query = strip(sql);
    if (query.isEmpty()) {
      throw new QueryException("nothing to explain: the query is empty");
    }
    String statement =
        warehouse
            .explainAnalyzeSql(query)
            .orElseThrow(
                () ->
                    new QueryException(
                        "the " + warehouse.type() + " warehouse cannot profile a query"));
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      cancel.attach(st);
      try (ResultSet rs = st.executeQuery(statement)) {
        if (!rs.next()) {
          throw new QueryException("the warehouse returned no plan");
        }
        return parse(query, rs.getString(rs.getMetaData().getColumnCount()));
      }
    }
  }

  /** Reads DuckDB's profiling JSON: {@code operator} (or {@code children}) holds the tree. */
  public static QueryPlan parse(String sql, String json) {
    JsonNode top;
    try {
      top = JSON.readTree(json);
    } catch (IOException e) {
      throw new QueryException("the plan is not JSON: " + e.getMessage());
    }
    JsonNode start = top.has("operator") ? top.get("operator") : top.path("children");
    List<PlanNode> roots = new ArrayList<>();
    for (JsonNode n : start) {
      roots.addAll(unwrap(node(n)));
    }
    PlanNode root =
        roots.size() == 1 ? roots.get(0) : new PlanNode("QUERY", Map.of(), rowsOf(roots), 0, roots);
    double total = top.path("query").path("total_time").asDouble(top.path("latency").asDouble(0));
    return new QueryPlan(sql, root, Math.max(total, root.subtreeSeconds()));
  }

  private static long rowsOf(List<PlanNode> nodes) {
    return nodes.isEmpty() ? 0 : nodes.get(0).rows();
  }

  /** The node itself, or its children where it is only DuckDB's wrapper. */
  private static List<PlanNode> unwrap(PlanNode n) {
    if (!WRAPPERS.contains(n.operator())) {
      return List.of(n);
    }
    List<PlanNode> out = new ArrayList<>();
    n.children().forEach(c -> out.addAll(unwrap(c)));
    return out;
  }

  private static PlanNode node(JsonNode n) {
    String type = n.path("operator_type").asText(n.path("type").asText(n.path("name").asText("?")));
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode extra = n.path("extra_info");
    extra
        .fields()
        .forEachRemaining(
            e -> {
              String text = text(e.getValue());
              if (!text.isEmpty()) {
                details.put(e.getKey(), text);
              }
            });
    List<PlanNode> children = new ArrayList<>();
    for (JsonNode c : n.path("children")) {
      children.add(node(c));
    }
    long rows = n.path("operator_cardinality").asLong(n.path("intermediate_rows").asLong(0));
    double seconds = n.path("operator_timing").asDouble(n.path("timing").asDouble(0));
    return new PlanNode(type.strip(), details, rows, seconds, children);
  }

  private static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(text(x)));
      return String.join(", ", parts);
    }
    return v.isValueNode() ? v.asText().strip() : v.toString();
  }

  private static String strip(String sql) {
    String q = sql == null ? "" : sql.strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    return q;
  }
}

package dev.sluice.core.query;

import java.util.List;
import java.util.Map;

/**
 * One operator of a profiled query plan.
 *
 * @param operator DuckDB's name for it: {@code TABLE_SCAN}, {@code HASH_JOIN}, ...
 * @param details what DuckDB says about it (table, filters, join condition, estimated rows), in its
 *     order
 * @param rows the rows it produced
 * @param seconds the time spent in this operator itself, not counting its children
 * @param children its inputs
 */
public record PlanNode(
    String operator,
    Map<String, String> details,
    long rows,
    double seconds,
    List<PlanNode> children) {

  public PlanNode {
    details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    children = List.copyOf(children);
  }

  /** This operator's time and every operator's below it. */
  public double subtreeSeconds() {
    double s = seconds;
    for (PlanNode c : children) {
      s += c.subtreeSeconds();
    }
    return s;
  }

  /** The details on one line: {@code Table: orders · Filters: (id > 10)}. */
  public String detailsLine() {
    StringBuilder sb = new StringBuilder();
    details.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(" · ");
          }
          sb.append(k).append(": ").append(v);
        });
    return sb.toString();
  }
}

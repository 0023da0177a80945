package dev.sluice.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query's plan as it ran ({@code EXPLAIN ANALYZE}): the operator tree with each operator's rows
 * and time, and the query's total time.
 *
 * @param sql the query that was profiled
 * @param root the last operator, the one that returns the rows
 * @param totalSeconds the whole query's time as the database measured it (planning included)
 */
public record QueryPlan(String sql, PlanNode root, double totalSeconds) {

  /** The time of every operator together: what {@link #share} divides by. */
  public double operatorSeconds() {
    return root.subtreeSeconds();
  }

  /** The part of the operators' time spent in {@code node} itself, from 0 to 1. */
  public double share(PlanNode node) {
    double all = operatorSeconds();
    return all <= 0 ? 0 : node.seconds() / all;
  }

  /** The operator that took the most time of its own. */
  public PlanNode hottest() {
    PlanNode best = root;
    for (PlanNode n : operators()) {
      if (n.seconds() > best.seconds()) {
        best = n;
      }
    }
    return best;
  }

  /** Every operator, parents before children. */
  public List<PlanNode> operators() {
    List<PlanNode> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(PlanNode n, List<PlanNode> out) {
    out.add(n);
    n.children().forEach(c -> collect(c, out));
  }

  /**
   * The tree as indented text, one operator a line with its rows, time and share, the hottest
   * marked, and its details below it.
   */
  public String asText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Query plan: %s in total, %s in operators%n",
            millis(totalSeconds),
            millis(operatorSeconds())));
    PlanNode hot = hottest();
    write(sb, root, "", hot);
    return sb.toString();
  }

  private void write(StringBuilder sb, PlanNode n, String indent, PlanNode hot) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%s%s  %,d rows  %s  %.1f%%%s%n",
            indent,
            n.operator(),
            n.rows(),
            millis(n.seconds()),
            100 * share(n),
            n == hot && n.seconds() > 0 ? "  <- hottest" : ""));
    String details = n.detailsLine();
    if (!details.isEmpty()) {
      sb.append(indent).append("    ").append(details).append(System.lineSeparator());
    }
    for (PlanNode c : n.children()) {
      write(sb, c, indent + "  ", hot);
    }
  }

  /** Seconds as milliseconds, with a decimal below ten. */
  public static String millis(double seconds) {
    double ms = seconds * 1000;
    return ms < 10
        ? String.format(Locale.ROOT, "%.2f ms", ms)
        : String.format(Locale.ROOT, "%,.0f ms", ms);
  }
}

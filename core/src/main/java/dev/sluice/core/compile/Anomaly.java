package dev.sluice.core.compile;

import dev.sluice.core.project.GenericTest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An anomaly check: this run's value of a metric against the mean and standard deviation of the
 * same metric over past runs. With fewer than {@code min_history} past values it never fails.
 *
 * @param metric {@code row_count}, {@code null_share} or {@code mean}
 * @param column the column for null_share and mean, else null
 */
public record Anomaly(String metric, String column, double sigma, int minHistory, int window) {
  private static final Pattern CALL =
      Pattern.compile("(null_share|mean)\\s*\\(\\s*([^)]+?)\\s*\\)");

  public static Anomaly of(GenericTest test, String testColumn) {
    String m = String.valueOf(test.arguments().getOrDefault("metric", "row_count")).trim();
    String metric;
    String column = null;
    Matcher call = CALL.matcher(m.toLowerCase(Locale.ROOT));
    if (m.equalsIgnoreCase("row_count")) {
      metric = "row_count";
    } else if (call.matches()) {
      metric = call.group(1);
      column = m.substring(m.indexOf('(') + 1, m.lastIndexOf(')')).trim();
    } else if ((m.equalsIgnoreCase("null_share") || m.equalsIgnoreCase("mean"))
        && testColumn != null) {
      metric = m.toLowerCase(Locale.ROOT);
      column = testColumn;
    } else {
      throw new IllegalArgumentException(
          test.name()
              + ": anomaly's metric '"
              + m
              + "' must be row_count, null_share(column) or mean(column)");
    }
    double sigma =
        Double.parseDouble(Checks.number(test, "sigma", test.arguments().getOrDefault("sigma", 3)));
    int min =
        Integer.parseInt(
            Checks.number(test, "min_history", test.arguments().getOrDefault("min_history", 5)));
    int window =
        Integer.parseInt(
            Checks.number(test, "window", test.arguments().getOrDefault("window", 30)));
    return new Anomaly(metric, column, sigma, Math.max(1, min), Math.max(min, window));
  }

  /** The SQL expression that computes this metric over a relation's rows. */
  public String expression() {
    return switch (metric) {
      case "null_share" -> "avg(case when " + column + " is null then 1.0 else 0.0 end)";
      case "mean" -> "avg(" + column + "::double)";
      default -> "count(*)::double";
    };
  }

  String sql(String rel, Checks.AnomalyHistory history) {
    String past =
        "select value from "
            + history.metricsRelation()
            + " where node_id = "
            + Checks.literal(history.nodeId())
            + " and metric = "
            + Checks.literal(metric)
            + " and column_name "
            + (column == null ? "is null" : "= " + Checks.literal(column))
            + " order by recorded_at desc limit "
            + window;
    return "with current_value as (select "
        + expression()
        + " as value from "
        + rel
        + "), past as ("
        + past
        + "), stats as (select count(*) as runs, avg(value) as mean, stddev_samp(value) as sd from past)"
        + " select c.value as current_value, s.mean as history_mean, s.sd as history_stddev,"
        + " s.runs as history_runs from current_value c, stats s where s.runs >= "
        + minHistory
        + " and abs(coalesce(c.value, 0) - s.mean) > "
        + sigma
        + " * coalesce(s.sd, 0)";
  }

  /** How many past values there are: the note when too few to judge. */
  public String historyCountSql(Checks.AnomalyHistory history) {
    return "select count(*) from (select 1 from "
        + history.metricsRelation()
        + " where node_id = "
        + Checks.literal(history.nodeId())
        + " and metric = "
        + Checks.literal(metric)
        + " and column_name "
        + (column == null ? "is null" : "= " + Checks.literal(column))
        + " limit "
        + window
        + ")";
  }
}

package dev.sluice.core.compile;

import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.NodeConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sluice's own checks beyond dbt's four: each compiles to one query that returns the failing rows.
 * They are written without a namespace ({@code row_count}, {@code accepted_range}, ...); a
 * package's test of the same name is called as {@code dbt_utils.accepted_range}.
 */
public final class Checks {
  /** The table of per-run metrics that anomaly checks compare with (kept by the quality stage). */
  public static final String METRICS_TABLE = "node_metrics";

  /** The metrics table as anomaly checks name it in SQL. */
  public static final String METRICS_RELATION =
      "\"" + dev.sluice.core.warehouse.Warehouse.META_SCHEMA + "\".\"" + METRICS_TABLE + "\"";

  /** Every check this class compiles, by the name a schema file uses. */
  public static final Set<String> NAMES =
      Set.of(
          "row_count",
          "expression_is_true",
          "unique_combination_of_columns",
          "accepted_range",
          "not_empty_string",
          "matches_pattern",
          "recency",
          "anomaly");

  /** Patterns users ask for by name instead of writing the regular expression. */
  static final Map<String, String> NAMED_PATTERNS =
      Map.of(
          "email", "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$",
          "uuid", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
          "digits", "^[0-9]+$");

  private static final Set<String> PERIODS =
      Set.of("second", "minute", "hour", "day", "week", "month", "year");

  private Checks() {}

  /**
   * The failing-rows query of one of these checks, or empty when {@code test} is not one of them.
   *
   * @param rel the relation under test, already narrowed by {@code where}
   * @param column the column it sits under, quoted as written, or null
   * @param history for {@code anomaly}: the metrics history relation and the checked node's id
   * @throws IllegalArgumentException naming what is missing or wrong in the check's arguments
   */
  public static Optional<String> sql(
      GenericTest test, String rel, String column, AnomalyHistory history) {
    Map<String, Object> args = test.arguments();
    String sql =
        switch (test.testName()) {
          case "row_count" -> rowCount(test, rel);
          case "expression_is_true" -> {
            String expr = required(test, "expression");
            yield "select * from "
                + rel
                + " where not ("
                + (column == null ? "" : column + " ")
                + expr
                + ")";
          }
          case "unique_combination_of_columns" -> {
            List<String> cols = NodeConfig.asStrings(args.get("combination_of_columns"));
            if (cols.isEmpty()) {
              throw new IllegalArgumentException(
                  test.name()
                      + ": unique_combination_of_columns needs combination_of_columns: [a, b]");
            }
            String list = String.join(", ", cols);
            yield "select "
                + list
                + ", count(*) as n_records from "
                + rel
                + " group by "
                + list
                + " having count(*) > 1";
          }
          case "accepted_range" -> accepted(test, rel, need(column, test));
          case "not_empty_string" -> {
            String c = need(column, test);
            boolean trim =
                !"false"
                    .equalsIgnoreCase(String.valueOf(args.getOrDefault("trim_whitespace", "true")));
            yield "select * from "
                + rel
                + " where "
                + (trim ? "trim(" + c + "::varchar)" : c + "::varchar")
                + " = ''";
          }
          case "matches_pattern" -> {
            String c = need(column, test);
            String p = required(test, "pattern");
            String regex = NAMED_PATTERNS.getOrDefault(p.toLowerCase(Locale.ROOT), p);
            yield "select * from "
                + rel
                + " where "
                + c
                + " is not null and not regexp_matches("
                + c
                + "::varchar, "
                + literal(regex)
                + ")";
          }
          case "recency" -> recency(test, rel, column);
          case "anomaly" -> Anomaly.of(test, column).sql(rel, history);
          default -> null;
        };
    return Optional.ofNullable(sql);
  }

  private static String rowCount(GenericTest test, String rel) {
    Object min = test.arguments().get("min");
    Object max = test.arguments().get("max");
    if (min == null && max == null) {
      throw new IllegalArgumentException(test.name() + ": row_count needs min, max or both");
    }
    String cond = bounds("count(*)", number(test, "min", min), number(test, "max", max), true);
    return "select count(*) as row_count from " + rel + " having not (" + cond + ")";
  }

  private static String accepted(GenericTest test, String rel, String column) {
    Map<String, Object> args = test.arguments();
    Object min = args.get("min_value");
    Object max = args.get("max_value");
    if (min == null && max == null) {
      throw new IllegalArgumentException(
          test.name() + ": accepted_range needs min_value, max_value or both");
    }
    boolean inclusive =
        !"false".equalsIgnoreCase(String.valueOf(args.getOrDefault("inclusive", "true")));
    String cond = bounds(column, value(min), value(max), inclusive);
    return "select * from " + rel + " where not (" + cond + ")";
  }

  private static String recency(GenericTest test, String rel, String column) {
    Map<String, Object> args = test.arguments();
    String field = args.get("field") == null ? column : String.valueOf(args.get("field"));
    if (field == null) {
      throw new IllegalArgumentException(
          test.name() + ": recency needs field: (a timestamp column)");
    }
    String part = String.valueOf(args.getOrDefault("datepart", "day")).toLowerCase(Locale.ROOT);
    if (part.endsWith("s")) {
      part = part.substring(0, part.length() - 1);
    }
    if (!PERIODS.contains(part)) {
      throw new IllegalArgumentException(
          test.name()
              + ": recency's datepart '"
              + part
              + "' is not one of "
              + String.join(", ", PERIODS));
    }
    String n = number(test, "interval", args.getOrDefault("interval", 1));
    String threshold = "(current_timestamp::timestamp - interval '" + n + " " + part + "')";
    return "select max("
        + field
        + ") as most_recent, "
        + threshold
        + " as threshold from "
        + rel
        + " having max("
        + field
        + ") is null or max("
        + field
        + ")::timestamp < "
        + threshold;
  }

  private static String bounds(String expr, String min, String max, boolean inclusive) {
    String lo = min == null ? null : expr + (inclusive ? " >= " : " > ") + min;
    String hi = max == null ? null : expr + (inclusive ? " <= " : " < ") + max;
    return lo == null ? hi : hi == null ? lo : lo + " and " + hi;
  }

  static String number(GenericTest test, String key, Object v) {
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v).trim();
    if (!s.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException(
          test.name() + ": " + key + " must be a number, not '" + s + "'");
    }
    return s;
  }

  /** A bound as SQL: numbers as they are, anything else as a string literal (dates, text). */
  private static String value(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number) {
      return v.toString();
    }
    String s = v.toString().trim();
    return s.matches("-?[0-9]+(\\.[0-9]+)?") ? s : literal(s);
  }

  static String required(GenericTest test, String key) {
    Object v = test.arguments().get(key);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalArgumentException(
          test.name() + ": " + test.testName() + " needs " + key + ":");
    }
    return v.toString();
  }

  static String need(String column, GenericTest test) {
    if (column == null) {
      throw new IllegalArgumentException(
          test.name()
              + ": "
              + test.testName()
              + " needs a column: put it under a column's tests, or pass column_name");
    }
    return column;
  }

  static String literal(String s) {
    return dev.sluice.core.warehouse.Sql.literal(s);
  }

  /** Where an anomaly check reads the past: the metrics table and the id of the node it checks. */
  public record AnomalyHistory(String metricsRelation, String nodeId) {}
}

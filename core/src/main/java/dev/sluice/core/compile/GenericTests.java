package dev.sluice.core.compile;

import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.NodeConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the built-in generic tests. Each query returns the failing rows, so a test passes when
 * it returns none.
 */
public final class GenericTests {
  private GenericTests() {}

  /**
   * The failing-rows query of a built-in test, or empty when {@code test} is not built in (then it
   * is a user's {@code {% test %}} macro).
   *
   * @param model the quoted relation under test
   * @param to for relationships: the quoted parent relation, already rendered
   */
  public static Optional<String> sql(GenericTest test, String model, String to) {
    return sql(test, model, to, null);
  }

  /**
   * As {@link #sql(GenericTest, String, String)}, for any check Sluice compiles itself.
   *
   * @param nodeId the unique id of the node under test, which anomaly checks look up in history
   */
  public static Optional<String> sql(GenericTest test, String model, String to, String nodeId) {
    String where = test.config().string("where");
    String rel =
        where == null ? model : "(select * from " + model + " where " + where + ") as sluice_where";
    String column =
        test.columnName() == null ? null : quoteColumn(test.columnName(), test.arguments());
    Map<String, Object> args = test.arguments();
    String sql;
    switch (test.testName()) {
      case "not_null" ->
          sql = "select * from " + rel + " where " + require(column, test) + " is null";
      case "unique" -> {
        String c = require(column, test);
        sql =
            "select "
                + c
                + " as unique_field, count(*) as n_records from "
                + rel
                + " where "
                + c
                + " is not null group by "
                + c
                + " having count(*) > 1";
      }
      case "accepted_values" -> {
        String c = require(column, test);
        List<String> values = NodeConfig.asStrings(args.get("values"));
        boolean quote =
            !"false".equalsIgnoreCase(String.valueOf(args.getOrDefault("quote", "true")));
        StringBuilder in = new StringBuilder();
        for (String v : values) {
          if (in.length() > 0) {
            in.append(", ");
          }
          in.append(quote ? dev.sluice.core.warehouse.Sql.literal(v) : v);
        }
        sql =
            "select "
                + c
                + " as value_field, count(*) as n_records from "
                + rel
                + " where "
                + c
                + " is not null and "
                + c
                + " not in ("
                + (in.length() == 0 ? "null" : in)
                + ") group by "
                + c;
      }
      case "relationships" -> {
        String c = require(column, test);
        String field = String.valueOf(args.getOrDefault("field", "id"));
        sql =
            "select child."
                + c
                + " as from_field from "
                + rel
                + " as child left join "
                + to
                + " as parent on child."
                + c
                + " = parent."
                + quoteIdent(field)
                + " where child."
                + c
                + " is not null and parent."
                + quoteIdent(field)
                + " is null";
      }
      default -> {
        return Checks.sql(
            test, rel, column, new Checks.AnomalyHistory(Checks.METRICS_RELATION, nodeId));
      }
    }
    return Optional.of(sql);
  }

  public static boolean isBuiltIn(String testName) {
    return List.of("not_null", "unique", "accepted_values", "relationships").contains(testName)
        || Checks.NAMES.contains(testName);
  }

  private static String require(String column, GenericTest test) {
    if (column == null) {
      throw new IllegalArgumentException(
          "test "
              + test.testName()
              + " needs a column: put it under a column's tests, or pass column_name");
    }
    return column;
  }

  private static String quoteColumn(String column, Map<String, Object> args) {
    // Quoted unless the column says `quote: false`: a name is data, not SQL to splice in. A plain
    // identifier stays as written, so generated SQL reads as before.
    boolean quote =
        !"false".equalsIgnoreCase(String.valueOf(args.getOrDefault("quote_column", "true")));
    return quote ? quoteIdent(column) : column;
  }

  private static String quoteIdent(String s) {
    if (s.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return s;
    }
    return dev.sluice.core.warehouse.Sql.ident(s);
  }
}

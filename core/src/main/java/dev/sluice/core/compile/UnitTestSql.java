package dev.sluice.core.compile;

import dev.sluice.core.project.Column;
import dev.sluice.core.project.UnitTestRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of a unit test, from plain parts: given rows as SELECTs (typed by the input's declared
 * columns where known, NULL for columns not given), and the query whose rows are the differences
 * between what the model returned and what was expected.
 */
public final class UnitTestSql {
  /** Marks a row that was expected but not returned. */
  public static final String EXPECTED = "missing";

  /** Marks a row that was returned but not expected. */
  public static final String ACTUAL = "unexpected";

  private UnitTestSql() {}

  /** A SELECT giving the rows; {@code columns} are the input's declared columns, maybe none. */
  public static String rows(UnitTestRows given, List<Column> columns) {
    return rows(given, columns, true);
  }

  /**
   * @param fillMissing whether declared columns the rows leave out are added as NULLs
   */
  static String rows(UnitTestRows given, List<Column> columns, boolean fillMissing) {
    if (given.sql() != null) {
      return stripSemicolons(given.sql());
    }
    Map<String, Column> declared = new LinkedHashMap<>();
    columns.forEach(c -> declared.put(c.name().toLowerCase(Locale.ROOT), c));
    Set<String> names = new LinkedHashSet<>();
    given.rows().forEach(r -> names.addAll(r.keySet()));
    Set<String> givenLower = new LinkedHashSet<>();
    names.forEach(n -> givenLower.add(n.toLowerCase(Locale.ROOT)));
    List<String> select = new ArrayList<>();
    for (String n : names) {
      Column c = declared.get(n.toLowerCase(Locale.ROOT));
      String ref = "__sluice_values." + quote(n);
      select.add(typed(ref, c) + " as " + quote(n));
    }
    for (Column c : fillMissing ? declared.values() : List.<Column>of()) {
      if (!givenLower.contains(c.name().toLowerCase(Locale.ROOT))) {
        select.add(typed("null", c) + " as " + quote(c.name()));
      }
    }
    if (given.rows().isEmpty()) {
      List<String> empty = new ArrayList<>();
      for (Column c : fillMissing ? declared.values() : List.<Column>of()) {
        empty.add(typed("null", c) + " as " + quote(c.name()));
      }
      if (empty.isEmpty()) {
        empty.add("null as \"__sluice_no_columns\"");
      }
      return "select " + String.join(", ", empty) + " where false";
    }
    List<String> tuples = new ArrayList<>();
    for (Map<String, Object> row : given.rows()) {
      List<String> values = new ArrayList<>();
      for (String n : names) {
        values.add(literal(row.get(n)));
      }
      tuples.add("(" + String.join(", ", values) + ")");
    }
    List<String> quotedNames = names.stream().map(UnitTestSql::quote).toList();
    return "select "
        + String.join(", ", select)
        + " from (values "
        + String.join(", ", tuples)
        + ") as __sluice_values("
        + String.join(", ", quotedNames)
        + ")";
  }

  private static String typed(String expr, Column c) {
    return c == null || c.dataType() == null || c.dataType().isBlank()
        ? expr
        : "cast(" + expr + " as " + c.dataType() + ")";
  }

  /**
   * The failing rows of the test: each row the model returned that was not expected, and each
   * expected row it did not return, in a {@code diff} column, ordered so that the two sides of a
   * changed row sit together. Only the expected columns are compared, as dbt does.
   *
   * @param ctes the given inputs, name to SELECT
   * @param modelSql the model rendered against the given inputs
   * @param describe the columns a query returns, to type the expected values as the model's (an
   *     empty list when unknown: the values then compare as written)
   */
  public static String diff(
      Map<String, String> ctes,
      String modelSql,
      UnitTestRows expect,
      java.util.function.Function<String, List<Column>> describe) {
    StringBuilder defs = new StringBuilder();
    ctes.forEach((name, body) -> defs.append(name).append(" as (\n").append(body).append("\n),\n"));
    StringBuilder sql = new StringBuilder("with ").append(defs);
    String model = stripSemicolons(modelSql);
    Set<String> columns = new LinkedHashSet<>();
    expect.rows().forEach(r -> columns.addAll(r.keySet()));
    if (expect.sql() == null && columns.isEmpty()) {
      // nothing expected: every returned row is a difference
      sql.append("__sluice_actual as (\n").append(model).append("\n)\n");
      return sql.append("select '")
          .append(ACTUAL)
          .append("' as \"diff\", * from __sluice_actual")
          .toString();
    }
    String picked =
        columns.isEmpty()
            ? "*"
            : String.join(", ", columns.stream().map(UnitTestSql::quote).toList());
    String actual =
        "select "
            + (expect.sql() == null ? picked : "*")
            + " from (\n"
            + model
            + "\n) as __sluice_model";
    List<Column> types =
        expect.sql() != null
            ? List.of()
            : describe.apply(
                defs.length() == 0
                    ? actual
                    : "with " + defs.substring(0, defs.length() - 2) + "\n" + actual);
    sql.append("__sluice_expected as (\n").append(rows(expect, types, false)).append("\n),\n");
    sql.append("__sluice_actual as (\n").append(actual).append("\n)\n");
    // the diff column goes last so that ORDER BY ALL sorts by the data first and puts the two
    // sides of a changed row together (missing before unexpected), then it moves to the front
    sql.append("select \"diff\", * exclude (\"diff\") from (\nselect * from (\n")
        .append("select *, '")
        .append(EXPECTED)
        .append(
            "' as \"diff\" from (select * from __sluice_expected except all select * from"
                + " __sluice_actual) as __sluice_missing\n")
        .append("union all\n")
        .append("select *, '")
        .append(ACTUAL)
        .append(
            "' as \"diff\" from (select * from __sluice_actual except all select * from"
                + " __sluice_expected) as __sluice_extra\n")
        .append(") as __sluice_both order by all\n) as __sluice_diff");
    return sql.toString();
  }

  static String literal(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return v.toString();
    }
    return "'" + v.toString().replace("'", "''") + "'";
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String stripSemicolons(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }
}

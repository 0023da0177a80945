package dev.sluice.core.quality;

import dev.sluice.core.compile.Anomaly;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.project.ProjectProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The columns a check names, so a misspelt one is refused before anything runs. */
public final class CheckColumns {
  private static final String PLAIN = "[A-Za-z_][A-Za-z0-9_]*";

  private CheckColumns() {}

  /** The plain column names a check reads; expressions are left to the database to judge. */
  public static List<String> referenced(GenericTest test) {
    Set<String> out = new LinkedHashSet<>();
    Object column = test.arguments().get("column_name");
    if (column == null) {
      column = test.columnName();
    }
    if (column != null && !test.testName().equals("expression_is_true")) {
      out.add(column.toString());
    }
    if (test.testName().equals("unique_combination_of_columns")) {
      out.addAll(NodeConfig.asStrings(test.arguments().get("combination_of_columns")));
    }
    if (test.testName().equals("recency") && test.arguments().get("field") != null) {
      out.add(test.arguments().get("field").toString());
    }
    if (test.testName().equals("anomaly")) {
      try {
        Anomaly a = Anomaly.of(test, test.columnName());
        if (a.column() != null) {
          out.add(a.column());
        }
      } catch (IllegalArgumentException e) {
        // the compiler reports the bad metric with its own message
      }
    }
    List<String> plain = new ArrayList<>();
    for (String c : out) {
      String bare = c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
      if (bare.matches(PLAIN)) {
        plain.add(bare);
      }
    }
    return plain;
  }

  /**
   * A problem naming the check, the table and the first column it lacks, or empty when all are
   * there.
   *
   * @param table how to name the checked table to the user, e.g. {@code model orders}
   */
  public static Optional<ProjectProblem> missing(
      GenericTest test, String table, Collection<String> columns) {
    Set<String> lower = new LinkedHashSet<>();
    columns.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
    for (String c : referenced(test)) {
      if (!lower.contains(c.toLowerCase(Locale.ROOT))) {
        return Optional.of(
            ProjectProblem.error(
                test.file(),
                test.line(),
                "check "
                    + test.name()
                    + " ("
                    + test.testName()
                    + ") names column '"
                    + c
                    + "', which "
                    + table
                    + " does not have; its columns are "
                    + String.join(", ", columns)));
      }
    }
    return Optional.empty();
  }
}

package dev.sluice.core.pipeline;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs a dbt project's {@code on-run-start} or {@code on-run-end} statements: each rendered as a
 * template (with {@code target}, {@code run_query} and the rest) and executed in order.
 */
final class RunHookStatements {
  private static final Path FILE = Path.of("dbt_project.yml");

  private RunHookStatements() {}

  /**
   * Throws {@link ProjectException} naming the hook and statement when one fails.
   *
   * @param compilers makes the compiler the hooks render with, asked only when there are hooks: a
   *     compiler brings a template engine of its own
   */
  static void run(
      Warehouse warehouse,
      java.util.function.Supplier<Compiler> compilers,
      String kind,
      List<String> templates) {
    if (templates.isEmpty()) {
      return;
    }
    Compiler compiler = compilers.get();
    // the statements belong to no node: they render in the context of a node named after the hook
    Model context = new Model(kind, FILE, "", "", NodeConfig.of(Map.of()), "", List.of());
    try (SqlSession s = SqlSession.open(warehouse)) {
      int i = 0;
      for (String template : templates) {
        i++;
        try {
          for (String sql : compiler.rendered(context, template)) {
            s.execute(sql);
          }
        } catch (SQLException | IllegalArgumentException e) {
          throw new ProjectException(
              ProjectProblem.error(
                  FILE, 0, kind + " statement " + i + " failed: " + firstLine(e.getMessage())));
        }
      }
    } catch (SQLException e) {
      throw new ProjectException(
          ProjectProblem.error(FILE, 0, kind + " could not connect: " + firstLine(e.getMessage())));
    }
  }

  private static String firstLine(String m) {
    return m == null ? "" : m.lines().findFirst().orElse("").strip();
  }
}

package dev.sluice.core.compile;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.RenderRequest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.UnitTest;
import dev.sluice.core.project.UnitTestRows;
import dev.sluice.core.warehouse.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a unit test: the model's SQL rendered with each {@code ref()}/{@code source()} it reads
 * pointing at a CTE of the given rows (upstream models are never built or read), the vars and
 * macros overridden, and compared with the expected rows.
 */
final class UnitTestCompiler {
  private static final Pattern REF =
      Pattern.compile(
          "\\s*ref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?(?:,[^)]*)?\\)\\s*");
  private static final Pattern SOURCE =
      Pattern.compile(
          "\\s*source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*");

  private final Manifest manifest;
  private final TemplateEngine engine;
  private final Function<Node, Relation> relationOf;
  private final ColumnsLookup columns;

  UnitTestCompiler(
      Manifest manifest,
      TemplateEngine engine,
      Function<Node, Relation> relationOf,
      ColumnsLookup columns) {
    this.manifest = manifest;
    this.engine = engine;
    this.relationOf = relationOf;
    this.columns = columns;
  }

  CompiledNode compile(UnitTest test, Relation relation) {
    List<ProjectProblem> problems = new ArrayList<>();
    Optional<Node> found = manifest.project().refable(test.model());
    if (found.isEmpty() || !(found.get() instanceof Model model)) {
      problems.add(
          error(
              test,
              "unit test "
                  + test.name()
                  + " tests model '"
                  + test.model()
                  + "', which is not in the project"));
      return new CompiledNode(test, relation, null, false, problems);
    }
    Map<String, Relation> given = new LinkedHashMap<>();
    Map<String, String> ctes = new LinkedHashMap<>();
    int i = 0;
    for (UnitTestRows rows : test.given()) {
      Optional<Node> input = input(rows.input(), model);
      if (input.isEmpty()) {
        problems.add(
            error(
                test,
                "unit test "
                    + test.name()
                    + ": given input "
                    + rows.input()
                    + " is not a ref() or source() of the project"));
        continue;
      }
      String cte = "__sluice_given_" + (++i) + "_" + input.get().name().replaceAll("\\W", "_");
      given.put(input.get().uniqueId(), Relation.cte(cte));
      ctes.put(cte, UnitTestSql.rows(rows, columnsOf(input.get())));
    }
    StringBuilder template = new StringBuilder();
    boolean incremental = false;
    for (Map.Entry<String, Object> m : test.macros().entrySet()) {
      if (m.getKey().equals("is_incremental")) {
        incremental = Boolean.parseBoolean(String.valueOf(m.getValue()));
      } else if (m.getKey().contains(".")) {
        problems.add(
            error(
                test,
                "unit test "
                    + test.name()
                    + ": overriding the package macro "
                    + m.getKey()
                    + " is not supported yet"));
      } else {
        // a macro of the same name defined in the template shadows the project's
        template
            .append("{% macro ")
            .append(m.getKey())
            .append("() %}")
            .append(m.getValue())
            .append("{% endmacro %}");
      }
    }
    template.append(model.sql());
    Function<Node, Relation> resolve = n -> given.getOrDefault(n.uniqueId(), relationOf.apply(n));
    Rendered r =
        engine.render(
            new RenderRequest(model, template.toString(), resolve, incremental), test.vars());
    for (ProjectProblem p : r.problems()) {
      problems.add(p.isError() ? error(test, "unit test " + test.name() + ": " + p) : p);
    }
    for (String ref : r.refs()) {
      manifest
          .project()
          .refable(ref)
          .filter(n -> !given.containsKey(n.uniqueId()))
          .ifPresent(
              n ->
                  problems.add(
                      error(
                          test,
                          "unit test "
                              + test.name()
                              + ": "
                              + model.name()
                              + " reads ref('"
                              + ref
                              + "'); give its rows under given:")));
    }
    for (List<String> src : r.sources()) {
      manifest
          .project()
          .source(src.get(0), src.get(1))
          .filter(n -> !given.containsKey(n.uniqueId()))
          .ifPresent(
              n ->
                  problems.add(
                      error(
                          test,
                          "unit test "
                              + test.name()
                              + ": "
                              + model.name()
                              + " reads source('"
                              + src.get(0)
                              + "', '"
                              + src.get(1)
                              + "'); give its rows under given:")));
    }
    if (problems.stream().anyMatch(ProjectProblem::isError)) {
      return new CompiledNode(test, relation, null, false, problems);
    }
    return new CompiledNode(
        test,
        relation,
        UnitTestSql.diff(ctes, r.sql(), test.expect(), columns::ofQuery),
        incremental,
        problems);
  }

  private Optional<Node> input(String text, Model model) {
    if (text.strip().equals("this")) {
      return Optional.of(model);
    }
    Matcher m = REF.matcher(text);
    if (m.matches()) {
      return manifest.project().refable(m.group(2) != null ? m.group(2) : m.group(1));
    }
    m = SOURCE.matcher(text);
    if (m.matches()) {
      return manifest.project().source(m.group(1), m.group(2)).map(Node.class::cast);
    }
    return Optional.empty();
  }

  /** The input's columns: as the warehouse has them when it was built, else as declared. */
  private List<Column> columnsOf(Node n) {
    List<Column> built = columns.ofRelation(relationOf.apply(n));
    if (!built.isEmpty()) {
      return built;
    }
    if (n instanceof Model m) {
      return m.columns();
    }
    if (n instanceof SourceTable s) {
      return s.columns();
    }
    return List.of();
  }

  private static ProjectProblem error(UnitTest test, String message) {
    return ProjectProblem.error(test.file(), test.line(), message);
  }
}

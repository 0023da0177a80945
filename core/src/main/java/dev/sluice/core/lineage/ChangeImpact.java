package dev.sluice.core.lineage;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.RenderRequest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an edit of a model's SQL would do downstream, before it is saved: the columns it removes or
 * adds, and every downstream column that reads a removed one (breaking), as SQLMesh's plan tells.
 * Retyped columns are not told apart, since types need the warehouse to run the query.
 *
 * @param readers downstream columns that read a removed column, with the column they read
 * @param problems why the edit could not be analysed (a syntax error with its line)
 */
public record ChangeImpact(
    String model,
    List<String> removed,
    List<String> added,
    List<Reader> readers,
    List<String> problems) {

  /** A downstream column that reads a column the edit removes. */
  public record Reader(ColumnRef column, ColumnRef reads, How how) {}

  public ChangeImpact {
    removed = List.copyOf(removed);
    added = List.copyOf(added);
    readers = List.copyOf(readers);
    problems = List.copyOf(problems);
  }

  public boolean breaking() {
    return !readers.isEmpty();
  }

  /**
   * @param template the edited SQL, as in the editor (Jinja and all)
   */
  public static ChangeImpact of(
      ProjectLineage lineage, Map<String, String> env, String modelId, String template) {
    Manifest m = lineage.manifest();
    Node node = m.node(modelId).orElse(null);
    if (!(node instanceof Model model)) {
      return new ChangeImpact(
          modelId, List.of(), List.of(), List.of(), List.of(modelId + " is not a model"));
    }
    Target target = m.project().settings().target(null);
    Rendered r =
        new TemplateEngine(m.project(), target, env, Map.of(), "impact")
            .render(
                new RenderRequest(
                    model.withSql(template), template, n -> Relations.of(n, target), false));
    if (!r.ok()) {
      return new ChangeImpact(
          modelId,
          List.of(),
          List.of(),
          List.of(),
          r.problems().stream().map(Object::toString).toList());
    }
    ModelLineage edited = lineage.analyse(modelId, r.sql(), model.file().toString());
    if (!edited.problems().isEmpty() && edited.columns().isEmpty()) {
      return new ChangeImpact(modelId, List.of(), List.of(), List.of(), edited.problems());
    }
    List<String> before = lineage.columnsOf(modelId);
    List<String> after = edited.columnNames();
    List<String> removed = missing(before, after);
    List<String> added = missing(after, before);
    List<Reader> readers = new ArrayList<>();
    for (String col : removed) {
      ColumnRef gone = new ColumnRef(modelId, col);
      for (Trace.Step s : Trace.downstream(lineage, gone).steps()) {
        readers.add(new Reader(s.column(), gone, s.how()));
      }
    }
    return new ChangeImpact(modelId, removed, added, readers, edited.problems());
  }

  private static List<String> missing(List<String> from, List<String> in) {
    List<String> out = new ArrayList<>();
    for (String c : from) {
      if (in.stream().noneMatch(x -> x.equalsIgnoreCase(c))) {
        out.add(c);
      }
    }
    return out;
  }
}

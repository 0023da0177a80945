package dev.sluice.core.pipeline;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Seed;
import dev.sluice.core.query.QueryException;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What to query to see a node's data, and how the editor's text becomes SQL. A built table or view
 * is read as it is; anything else (an ephemeral model, an unbuilt or edited model, a test) is
 * compiled, so a preview never needs a build first when its inputs exist.
 */
public final class Previews {
  private Previews() {}

  /** SQL that returns the rows of {@code node}. */
  public static String sqlFor(Pipeline pipeline, Node node) {
    Compiler compiler = pipeline.compiler(true, "preview");
    Relation relation = compiler.relationOf(node);
    boolean built =
        !relation.cte() && pipeline.warehouse().exists(relation.schema(), relation.identifier());
    switch (node.kind()) {
      case SEED:
        if (built) {
          return "select * from " + relation.quoted();
        }
        // not loaded yet: read the CSV the way a seed would be read
        Path csv =
            pipeline.manifest().project().root().resolve(((Seed) node).file()).toAbsolutePath();
        return "select * from read_csv(" + Sql.literal(csv.toString()) + ")";
      case SOURCE:
      case SNAPSHOT:
        if (!built) {
          throw new QueryException(
              node.kind().label()
                  + " "
                  + node.name()
                  + " has no table in the warehouse yet;"
                  + " run it first ("
                  + (node.kind() == NodeKind.SOURCE ? "sluice load" : "sluice snapshot")
                  + ")");
        }
        return "select * from " + relation.quoted();
      case MODEL:
        if (built) {
          return "select * from " + relation.quoted();
        }
        return compiled(compiler.compile(node));
      case TEST:
        return compiled(compiler.compile(node));
      case EXPORT:
        return written((Export) node, pipeline.manifest().project().root());
      default:
        throw new IllegalStateException(node.kind().toString());
    }
  }

  /**
   * The SQL a model's editor text compiles to, as the model itself would compile (so {@code this},
   * {@code config()} and ephemeral refs work), ignoring incremental filters: a preview shows the
   * whole query.
   */
  public static String compileModelText(Pipeline pipeline, Model model, String text) {
    Model edited =
        new Model(
            model.name(),
            model.file(),
            text,
            model.folder(),
            model.config(),
            model.description(),
            model.columns());
    return compiled(pipeline.compiler(true, "preview").compile(edited));
  }

  /** Ad-hoc SQL: {@code {{ ref() }}} and {@code {{ source() }}} work, nothing is configured. */
  public static String compileAdHoc(Pipeline pipeline, String text) {
    Model adHoc = Model.adHoc(text);
    return compiled(pipeline.compiler(true, "preview").compile(adHoc));
  }

  /** An export shows the file it wrote, which is what its reader gets. */
  private static String written(Export export, Path root) {
    Path file = root.resolve(export.path()).toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new QueryException(
          "export "
              + export.name()
              + " has not written "
              + export.path().toString().replace('\\', '/')
              + " yet; build it first (sluice build --select "
              + export.name()
              + ")");
    }
    return "select * from "
        + (export.format() == Export.Format.PARQUET ? "read_parquet(" : "read_csv(")
        + Sql.literal(file.toString())
        + ")";
  }

  private static String compiled(CompiledNode c) {
    if (!c.ok() || c.sql() == null) {
      List<ProjectProblem> errors = c.problems().stream().filter(ProjectProblem::isError).toList();
      String message =
          errors.isEmpty()
              ? c.node().name() + " has no SQL to run"
              : errors.stream()
                  .map(p -> "line " + p.line() + ": " + p.message())
                  .collect(Collectors.joining("; "));
      throw new QueryException(message, errors);
    }
    return c.sql();
  }
}

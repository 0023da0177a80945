package dev.sluice.core.cli;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.query.QueryException;
import dev.sluice.core.query.QueryPlan;
import dev.sluice.core.query.ResultStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code sluice explain --select X}: the plan of one node's compiled SQL as it runs. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Run one node's compiled SQL with profiling (EXPLAIN ANALYZE) and print the plan as a tree:"
            + " each operator's rows, time and share of the total, the hottest marked. For any"
            + " query: sluice query --explain SQL.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin SelectionOptions selection;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (selection.select() == null) {
      err.println("explain needs --select with one model, seed, snapshot or source");
      return Main.USAGE;
    }
    try (Pipeline pipeline =
        Pipeline.openForReading(project.project, project.pipelineOptions(), err::println)) {
      java.util.Optional<Node> picked = selection.oneNode("explain", pipeline.manifest(), err);
      if (picked.isEmpty()) {
        return Main.USAGE;
      }
      Node node = picked.get();
      String sql;
      try {
        sql =
            node instanceof Model m
                ? Previews.compileModelText(pipeline, m, m.sql())
                : Previews.sqlFor(pipeline, node);
      } catch (QueryException e) {
        err.println(node.name() + ": " + e.getMessage());
        return Main.FAILED;
      }
      return print(pipeline, node.name(), sql, out, err);
    }
  }

  /** Profiles {@code sql} and prints its plan; a refused query prints the warehouse's message. */
  static int print(Pipeline pipeline, String what, String sql, PrintWriter out, PrintWriter err) {
    QueryPlan plan;
    try {
      plan = Workspace.explain(pipeline, what, sql, new ResultStream.Cancel());
    } catch (QueryException e) {
      err.println(e.getMessage());
      return Main.FAILED;
    }
    out.print(plan.asText());
    out.flush();
    return Main.OK;
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.plan.Selector;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.query.QueryException;
import dev.sluice.core.query.QueryPlan;
import dev.sluice.core.query.ResultStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
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
      Set<String> ids =
          Selector.select(pipeline.manifest(), selection.select(), selection.exclude());
      List<Node> nodes =
          ids.stream()
              .map(id -> pipeline.manifest().node(id).orElseThrow())
              .filter(n -> n.kind() != NodeKind.TEST)
              .toList();
      if (nodes.size() != 1) {
        err.println(
            "explain needs exactly one node; '"
                + selection.select()
                + "' selects "
                + nodes.size()
                + (nodes.isEmpty()
                    ? ""
                    : ": " + String.join(", ", nodes.stream().map(Node::name).toList())));
        return Main.USAGE;
      }
      Node node = nodes.get(0);
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

package dev.sluice.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.lineage.ColumnRef;
import dev.sluice.core.lineage.KnownColumns;
import dev.sluice.core.lineage.LineageCache;
import dev.sluice.core.lineage.ProjectLineage;
import dev.sluice.core.lineage.Trace;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.Node;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints where a column comes from, or what reads it. */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description =
        "Print the source columns that feed MODEL.COLUMN through every model, with how"
            + " (copied, renamed, expression, window, aggregate), and the join keys and filters"
            + " on the way; --downstream prints what reads it.")
final class LineageCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Parameters(
      paramLabel = "MODEL.COLUMN",
      description = "e.g. customers.lifetime_value, or source.table.column")
  String column;

  @Option(names = "--downstream", description = "Print the columns that read it instead.")
  boolean downstream;

  @Option(names = "--format", description = "text (default) or json.")
  String format = "text";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineOptions options = project.pipelineOptions();
    try (Pipeline pipeline = Pipeline.open(project.project, options)) {
      Manifest m = pipeline.manifest();
      Optional<ColumnRef> ref = parse(m, column);
      if (ref.isEmpty()) {
        err.println(
            "error: '"
                + column
                + "' names no model, seed, snapshot or source column; write MODEL.COLUMN");
        return Main.USAGE;
      }
      ProjectLineage lineage =
          ProjectLineage.compute(
              m,
              pipeline.target(),
              new TemplateEngine(
                  m.project(), pipeline.target(), options.env(), options.vars(), "lineage"),
              KnownColumns.read(pipeline.warehouse()),
              new LineageCache());
      List<String> columns = lineage.columnsOf(ref.get().node());
      if (!columns.isEmpty()
          && columns.stream().noneMatch(c -> c.equalsIgnoreCase(ref.get().column()))) {
        err.println(
            "error: "
                + ref.get().display()
                + " is not a column; its columns are "
                + String.join(", ", columns));
        return Main.USAGE;
      }
      lineage
          .of(ref.get().node())
          .ifPresent(ml -> ml.problems().forEach(p -> err.println("warning: " + p)));
      Trace trace =
          downstream ? Trace.downstream(lineage, ref.get()) : Trace.upstream(lineage, ref.get());
      if ("json".equals(format)) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(trace));
      } else {
        print(trace, out);
      }
      return Main.OK;
    }
  }

  private void print(Trace trace, PrintWriter out) {
    String arrow = downstream ? "-> " : "<- ";
    out.println(trace.column().display());
    for (Trace.Step s : trace.steps()) {
      if (s.depth() == 0) {
        out.println("  unknown: " + s.unknown());
        continue;
      }
      String line =
          "  ".repeat(s.depth()) + arrow + label(s.column()) + " (" + s.how().label() + ")";
      out.println(s.unknown() == null ? line : line + "  unknown: " + s.unknown());
    }
    if (trace.steps().isEmpty()) {
      out.println(downstream ? "  nothing reads it" : "  no upstream columns (a constant)");
    }
    if (!trace.ends().isEmpty()) {
      out.println(downstream ? "Last readers:" : "Source columns:");
      for (Map.Entry<ColumnRef, dev.sluice.core.lineage.How> e : trace.ends().entrySet()) {
        out.println(String.format("  %-40s %s", e.getKey().display(), e.getValue().label()));
      }
    }
    if (!trace.keys().isEmpty()) {
      out.println("Rows decided by (join keys and filters on the way):");
      for (Trace.Key k : trace.keys()) {
        out.println(
            String.format(
                "  %-40s %-9s in %s",
                k.column().display(),
                k.how().label(),
                k.model().substring(k.model().indexOf('.') + 1)));
      }
    }
  }

  private static String label(ColumnRef c) {
    return "*".equals(c.column())
        ? c.display().substring(0, c.display().length() - 2) + " (its rows)"
        : c.display();
  }

  /** {@code model.column} or {@code source.table.column}. */
  static Optional<ColumnRef> parse(Manifest m, String text) {
    int dot = text.lastIndexOf('.');
    if (dot <= 0 || dot == text.length() - 1) {
      return Optional.empty();
    }
    String node = text.substring(0, dot);
    String col = text.substring(dot + 1);
    Optional<Node> n = m.project().refable(node);
    if (n.isEmpty() && node.contains(".")) {
      int d = node.indexOf('.');
      n = m.project().source(node.substring(0, d), node.substring(d + 1)).map(Node.class::cast);
    }
    if (n.isEmpty()) {
      n = m.node(node);
    }
    return n.map(x -> new ColumnRef(x.uniqueId(), col));
  }
}

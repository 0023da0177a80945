package dev.sluice.core.cli;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.plan.Selector;
import dev.sluice.core.project.DescribedResources;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the nodes a selection picks, without opening the warehouse. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "List the nodes a selection picks (all by default).")
final class LsCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin SelectionOptions selection;

  @Option(
      names = "--output",
      description =
          "name, id, path or long (default: long: kind, name, materialization or export format, file).")
  String output = "long";

  @Option(
      names = {"--resource-type", "--resource-types"},
      split = ",",
      paramLabel = "TYPE",
      description =
          "Only these kinds, as dbt names them: model, seed, snapshot, source, test, unit_test,"
              + " export, semantic_model, metric, saved_query, exposure, group, all.")
  List<String> resourceTypes;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Manifest m = Pipeline.parse(project.project, project.pipelineOptions());
    m.problems().forEach(p -> spec.commandLine().getErr().println(p));
    // as dbt lists: a selected node brings its tests and unit tests (eager indirect selection)
    Set<String> ids = Selector.withTests(m, Selector.select(m, selection.select(), null));
    if (selection.exclude() != null && !selection.exclude().isBlank()) {
      ids.removeAll(Selector.select(m, selection.exclude(), null));
    }
    Set<String> types = ResourceTypes.parse(resourceTypes, spec);
    for (String id : m.dag().topologicalOrder()) {
      if (!ids.contains(id)) {
        continue;
      }
      Node n = m.node(id).orElseThrow();
      if (!ResourceTypes.matches(types, n)) {
        continue;
      }
      switch (output) {
        case "name" ->
            out.println(
                n instanceof dev.sluice.core.project.SourceTable s ? s.qualifiedName() : n.name());
        case "id" -> out.println(id);
        case "path" -> out.println(n.file().toString().replace('\\', '/'));
        default ->
            out.println(
                String.format(
                        "%-9s %-40s %-12s %s",
                        n instanceof dev.sluice.core.project.UnitTest
                            ? "unit_test"
                            : n.kind().label(),
                        n.name(),
                        detail(n),
                        n.file().toString().replace('\\', '/'))
                    .stripTrailing());
      }
    }
    if (selection.select() == null) {
      ResourceTypes.described(types, m.project()).forEach(r -> out.println(line(r)));
    }
    return Main.OK;
  }

  private String line(DescribedResources.Resource r) {
    String file = r.file().toString().replace('\\', '/');
    return switch (output) {
      case "name" -> r.name();
      case "id" -> r.type() + "." + r.name();
      case "path" -> file;
      default ->
          String.format("%-9s %-40s %-12s %s", r.type(), r.name(), "not run", file).stripTrailing();
    };
  }

  /** The third column: how a model materializes, or what an export writes. */
  private static String detail(Node n) {
    if (n instanceof Export e) {
      return e.format().label();
    }
    return n.kind() == NodeKind.MODEL ? n.config().materialized("view") : "";
  }
}

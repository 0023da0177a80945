package dev.sluice.core.cli;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.plan.Selector;
import dev.sluice.core.quality.Freshness;
import dev.sluice.core.quality.QualitySettings;
import dev.sluice.core.quality.SourceFreshness;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code sluice source freshness}: dbt's verb, with dbt's output and exit codes. */
@Command(
    name = "source",
    mixinStandardHelpOptions = true,
    description = "Commands on sources.",
    subcommands = {SourceCommand.FreshnessCommand.class})
final class SourceCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "freshness",
      mixinStandardHelpOptions = true,
      description =
          "Check how recently each source table was loaded, against its freshness rule"
              + " (exit 1 when one is past error_after or cannot be measured).")
  static final class FreshnessCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;
    @Mixin SelectionOptions selection;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Pipeline pipeline = Pipeline.open(project.project, project.pipelineOptions())) {
        List<Freshness.Result> results =
            report(pipeline, selection.select(), selection.exclude(), out);
        if (results.isEmpty()) {
          out.println("No source table in the selection has a freshness rule.");
          return Main.OK;
        }
        return results.stream().anyMatch(Freshness.Result::isError) ? Main.FAILED : Main.OK;
      }
    }
  }

  /** After a build, the freshness of the built selection's sources, when any has a rule. */
  static void reportAfterBuild(Pipeline pipeline, String select, String exclude, PrintWriter out) {
    var ids = Selector.select(pipeline.manifest(), select, exclude);
    if (!SourceFreshness.tables(pipeline.manifest(), ids).isEmpty()) {
      out.println();
      out.println("Source freshness:");
      report(pipeline, select, exclude, out);
    }
  }

  /** Measures and prints the freshness of the selected sources. */
  static List<Freshness.Result> report(
      Pipeline pipeline, String select, String exclude, PrintWriter out) {
    var ids = Selector.select(pipeline.manifest(), select, exclude);
    var tables = SourceFreshness.tables(pipeline.manifest(), ids);
    int[] i = {0};
    try {
      return SourceFreshness.check(
          pipeline.warehouse(),
          tables,
          QualitySettings.read(pipeline.manifest().project().root()),
          pipeline.targetDir(),
          "freshness-" + UUID.randomUUID(),
          r -> out.println(line(++i[0], tables.size(), r)));
    } catch (IOException e) {
      out.println("could not write sources.json: " + e.getMessage());
      return List.of();
    }
  }

  static String line(int n, int total, Freshness.Result r) {
    String tag = r.status().equals("runtime error") ? "ERROR" : r.status().toUpperCase(Locale.ROOT);
    String text = n + " of " + total + " " + tag + " freshness of " + r.table().qualifiedName();
    String dots = text.length() < 60 ? " " + ".".repeat(59 - text.length()) : "";
    return LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
        + "  "
        + text
        + dots
        + " ["
        + tag
        + " in "
        + String.format(Locale.ROOT, "%.2fs", r.millis() / 1000.0)
        + "]\n          "
        + r.message();
  }
}

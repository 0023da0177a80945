package dev.sluice.core.cli;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.quality.QualityHistory;
import dev.sluice.core.quality.QualitySettings;
import dev.sluice.core.quality.Scorecard;
import dev.sluice.core.quality.ScorecardHtml;
import dev.sluice.core.quality.ScorecardJson;
import dev.sluice.core.quality.ScorecardText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice quality}: the scorecard from the checks' latest results in the warehouse. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description =
        "Print the quality scorecard per table (completeness, uniqueness, validity, consistency,"
            + " timeliness) from the latest check results.")
final class QualityCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the scorecard as one self-contained HTML file with charts.")
  Path html;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!format.equals("text") && !format.equals("json")) {
      spec.commandLine().getErr().println("--format must be text or json, not " + format);
      return Main.USAGE;
    }
    try (Pipeline pipeline = Pipeline.open(project.project, project.pipelineOptions())) {
      QualitySettings settings;
      try {
        settings = QualitySettings.read(pipeline.manifest().project().root());
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return Main.USAGE;
      }
      String name = pipeline.manifest().project().settings().name();
      Scorecard card =
          Scorecard.of(
              new QualityHistory(pipeline.warehouse()).checkResults(settings.keepRuns()), settings);
      out.print(
          format.equals("json")
              ? ScorecardJson.render(name, card)
              : ScorecardText.render(name, card));
      if (html != null) {
        Path file = html.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, ScorecardHtml.render(name, card, settings), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (format.equals("text")) {
          out.println("wrote " + html);
        }
      }
      out.flush();
      return Main.OK;
    }
  }
}

package dev.sluice.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.artifacts.CatalogJson;
import dev.sluice.core.docs.DocsData;
import dev.sluice.core.docs.DocsSite;
import dev.sluice.core.lineage.KnownColumns;
import dev.sluice.core.lineage.LineageCache;
import dev.sluice.core.lineage.ProjectLineage;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.RunArtifacts;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.warehouse.Catalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice docs generate}: catalog.json and the static docs site. */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = "Project documentation.",
    subcommands = {DocsCommand.Generate.class})
final class DocsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description =
          "Write target/manifest.json and target/catalog.json (dbt's shapes), and a static docs"
              + " site (open its index.html from the file system).")
  static final class Generate implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Where the site goes (default: the target folder's docs/).")
    Path out;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PipelineOptions options = project.pipelineOptions();
      try (Pipeline pipeline = Pipeline.open(project.project, options)) {
        Manifest m = pipeline.manifest();
        KnownColumns columns = KnownColumns.read(pipeline.warehouse());
        ProjectLineage lineage =
            ProjectLineage.compute(
                m,
                pipeline.target(),
                new TemplateEngine(
                    m.project(), pipeline.target(), options.env(), options.vars(), "docs"),
                columns,
                new LineageCache());
        Path target = pipeline.targetDir();
        RunArtifacts.writeManifest(m, pipeline.target(), Map.of(), "docs", target);
        RunArtifacts.writeAtomically(
            target.resolve("catalog.json"),
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(
                    CatalogJson.of(
                        m,
                        pipeline.target(),
                        columns,
                        Catalog.read(pipeline.warehouse()),
                        "docs")));
        Path site = out != null ? out.toAbsolutePath() : target.resolve("docs");
        DocsSite.write(
            DocsData.of(
                m,
                pipeline.target(),
                lineage,
                columns,
                pipeline.compiler(false, "docs"),
                lastResults(pipeline.history())),
            site);
        spec.commandLine()
            .getOut()
            .println(
                "Wrote target/catalog.json and the docs site: "
                    + site.resolve("index.html").toUri());
        return Main.OK;
      }
    }

    /** Each node's newest result over the recent runs. */
    private static Map<String, NodeResult> lastResults(RunHistory history) {
      Map<String, NodeResult> out = new HashMap<>();
      for (RunHistory.Run run : history.runs(50)) {
        for (NodeResult r : history.nodes(run.runId())) {
          out.putIfAbsent(r.nodeId(), r);
        }
      }
      return out;
    }
  }
}

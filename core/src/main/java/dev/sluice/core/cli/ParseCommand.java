package dev.sluice.core.cli;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.Target;
import dev.sluice.core.run.RunArtifacts;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Parses the project and writes target/manifest.json, without opening the warehouse. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description =
        "Parse the project and write target/manifest.json (dbt's manifest v12) for tools that"
            + " read dbt artifacts.")
final class ParseCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Manifest m = Pipeline.parse(project.project, project.pipelineOptions());
    m.problems().forEach(p -> spec.commandLine().getErr().println(p));
    Target target = m.project().settings().target(project.target);
    Path dir = m.project().root().resolve(m.project().settings().targetPath());
    RunArtifacts.writeManifest(m, target, Map.of(), "parse", dir);
    spec.commandLine()
        .getOut()
        .println(
            "Wrote "
                + m.project().root().relativize(dir.resolve("manifest.json"))
                + " ("
                + m.project().nodes().size()
                + " nodes)");
    return Main.OK;
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.interop.DbtExport;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.ProjectProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the project as a dbt project, or its schedules and sensors for an orchestrator. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the project as a dbt project (dbt_project.yml, profiles.yml, models, seeds ...),",
      "or with dagster, airflow, prefect, cron or systemd: the files that run its schedules and"
          + " sensors with that tool (see docs/orchestration.md)."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @picocli.CommandLine.Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TOOL",
      description = "dbt (the default), dagster, airflow, prefect, cron or systemd.")
  String tool;

  @Option(
      names = "--project-dir",
      paramLabel = "PATH",
      description =
          "For orchestrator exports: where the project lives on the machine that runs the tool"
              + " (default: this project's absolute path).")
  String projectDir;

  @Option(
      names = "--sluice",
      paramLabel = "COMMAND",
      description = "For orchestrator exports: how that machine runs sluice (default: sluice).")
  String sluice = "sluice";

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "An empty or new folder for the dbt project.")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (tool != null && !tool.equals("dbt")) {
      return OrchestratorExportCommand.run(this);
    }
    Project p = new ProjectLoader().load(project.project);
    List<ProjectProblem> errors = p.problems().stream().filter(ProjectProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ProjectException(errors);
    }
    try {
      List<Path> files = DbtExport.write(p, out);
      spec.commandLine()
          .getOut()
          .println("Wrote a dbt project with " + files.size() + " files to " + out);
      return Main.OK;
    } catch (java.io.IOException e) {
      spec.commandLine()
          .getErr()
          .println(
              "error: cannot write the dbt project to "
                  + out
                  + ": "
                  + dev.sluice.core.safety.IoMessages.describe(e));
      return Main.USAGE;
    }
  }
}

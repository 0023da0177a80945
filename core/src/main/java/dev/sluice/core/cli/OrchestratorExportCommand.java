package dev.sluice.core.cli;

import dev.sluice.core.interop.OrchestratorExport;
import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.AutomationReader;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectProblem;
import java.nio.file.Path;
import java.util.List;

/** {@code sluice export dagster|airflow|prefect|cron|systemd --out DIR}. */
final class OrchestratorExportCommand {
  private OrchestratorExportCommand() {}

  static int run(ExportCommand c) {
    var out = c.spec.commandLine().getOut();
    var err = c.spec.commandLine().getErr();
    OrchestratorExport.Tool tool;
    try {
      tool = OrchestratorExport.Tool.parse(c.tool);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.USAGE;
    }
    var manifest = Pipeline.parse(c.project.project, c.project.pipelineOptions());
    Automation automation = AutomationReader.read(manifest);
    List<ProjectProblem> errors =
        automation.problems().stream().filter(ProjectProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ProjectException(errors);
    }
    String dir =
        c.projectDir != null
            ? c.projectDir
            : c.project.project.toAbsolutePath().normalize().toString();
    try {
      List<Path> files =
          OrchestratorExport.write(
              tool, manifest, automation, new OrchestratorExport.Where(dir, c.sluice), c.out);
      out.println(
          "Wrote "
              + files.size()
              + " files for "
              + tool.label()
              + " to "
              + c.out
              + " ("
              + automation.schedules().size()
              + " schedule(s), "
              + automation.sensors().size()
              + " sensor(s)); see its README.md");
      return Main.OK;
    } catch (java.io.IOException e) {
      err.println("error: cannot write " + c.out + ": " + e.getMessage());
      return Main.USAGE;
    }
  }
}

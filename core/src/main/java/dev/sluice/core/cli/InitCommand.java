package dev.sluice.core.cli;

import dev.sluice.core.project.NewProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Creates a new project folder that builds at once. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create a new project in DIR (default: the current folder).")
final class InitCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "The folder to create the project in.")
  Path dir = Path.of(".");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path root = dir.toAbsolutePath().normalize();
    if (NewProject.holdsProject(root)) {
      spec.commandLine()
          .getErr()
          .println("error: " + root + " already holds a project; nothing was changed");
      return Main.USAGE;
    }
    String name = NewProject.create(root);
    out.println("Created project '" + name + "' in " + root);
    out.println("Next: sluice build --project " + dir);
    return Main.OK;
  }
}

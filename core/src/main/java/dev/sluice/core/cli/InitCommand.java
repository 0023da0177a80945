package dev.sluice.core.cli;

import dev.sluice.core.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
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
    if (Files.exists(root.resolve("sluice.yml")) || Files.exists(root.resolve("dbt_project.yml"))) {
      spec.commandLine()
          .getErr()
          .println("error: " + root + " already holds a project; nothing was changed");
      return Main.USAGE;
    }
    String name =
        root.getFileName() == null
            ? "project"
            : root.getFileName().toString().replaceAll("[^A-Za-z0-9_]", "_");
    AtomicFiles.write(
        root.resolve("sluice.yml"),
        """
        name: %s
        target: dev
        targets:
          dev:
            type: duckdb
            path: target/%s.duckdb
            schema: main
        models:
          +materialized: view
        """
            .formatted(name, name));
    AtomicFiles.write(
        root.resolve("seeds/countries.csv"), "code,name\nDE,Germany\nFR,France\nJP,Japan\n");
    AtomicFiles.write(
        root.resolve("models/countries_by_name.sql"),
        "select code, name\nfrom {{ ref('countries') }}\norder by name\n");
    AtomicFiles.write(
        root.resolve("models/schema.yml"),
        """
        models:
          - name: countries_by_name
            description: Countries, sorted by name.
            columns:
              - name: code
                data_tests: [not_null, unique]
        """);
    Files.createDirectories(root.resolve("macros"));
    Files.createDirectories(root.resolve("tests"));
    Files.createDirectories(root.resolve("sources"));
    if (!Files.exists(root.resolve(".gitignore"))) {
      AtomicFiles.write(root.resolve(".gitignore"), "target/\n");
    }
    out.println("Created project '" + name + "' in " + root);
    out.println("Next: sluice build --project " + dir);
    return Main.OK;
  }
}

package dev.sluice.core.project;

import dev.sluice.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new project that builds at once: {@code sluice.yml} with a DuckDB target, a seed, a model that
 * reads it with two tests, and the usual folders. What {@code sluice init} and the app's File > New
 * Project write.
 */
public final class NewProject {
  private NewProject() {}

  /** Whether the folder already holds a project (a sluice.yml or a dbt_project.yml). */
  public static boolean holdsProject(Path root) {
    return Files.exists(root.resolve("sluice.yml"))
        || Files.exists(root.resolve("dbt_project.yml"));
  }

  /** The project name made from a folder's name: letters, digits and underscores. */
  public static String nameFor(Path root) {
    Path name = root.toAbsolutePath().normalize().getFileName();
    return name == null ? "project" : name.toString().replaceAll("[^A-Za-z0-9_]", "_");
  }

  /**
   * Writes a new project into {@code root} (created if missing) and returns its name; an existing
   * {@code .gitignore} is kept.
   *
   * @throws IllegalStateException when the folder already holds a project; nothing is changed
   */
  public static String create(Path root) throws IOException {
    root = root.toAbsolutePath().normalize();
    if (holdsProject(root)) {
      throw new IllegalStateException(root + " already holds a project; nothing was changed");
    }
    String name = nameFor(root);
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
    // last: a folder is a project once this file is there, so a failure above leaves none
    writeSettings(root, name);
    return name;
  }

  /**
   * Makes a folder that holds no project one with nothing in it yet: only {@code sluice.yml}, with
   * a DuckDB target under {@code target/}; what a first model drawn into an empty folder needs.
   * Returns the name; a folder that holds a project already is left as it is.
   */
  public static String start(Path root) throws IOException {
    root = root.toAbsolutePath().normalize();
    String name = nameFor(root);
    if (!holdsProject(root)) {
      writeSettings(root, name);
    }
    return name;
  }

  private static void writeSettings(Path root, String name) throws IOException {
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
  }
}

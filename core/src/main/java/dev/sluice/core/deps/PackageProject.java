package dev.sluice.core.deps;

import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What an installed or fetched package folder says about itself in its dbt_project.yml. */
final class PackageProject {
  private PackageProject() {}

  /** The package's project name, which names its folder in dbt_packages/. */
  static String name(String label, Path root) {
    Path file = root.resolve("dbt_project.yml");
    if (!Files.isRegularFile(file)) {
      throw new DepsException(
          label
              + ": no dbt_project.yml at the package's root ("
              + root.getFileName()
              + "); is it a dbt package? (use subdirectory: for a package inside a repository)");
    }
    try {
      String name = Yaml.read(file).text("name");
      if (name == null || name.isBlank()) {
        throw new DepsException(label + ": its dbt_project.yml has no name:");
      }
      return name;
    } catch (IOException | Yaml.SyntaxError e) {
      throw new DepsException(label + ": cannot read its dbt_project.yml: " + e.getMessage(), e);
    }
  }

  /** Where the project installs packages: {@code packages-install-path}, or dbt_packages. */
  static Path installPath(Path projectDir) {
    Path file = projectDir.resolve("dbt_project.yml");
    if (Files.isRegularFile(file)) {
      try {
        String p = Yaml.read(file).text("packages-install-path");
        if (p != null && !p.isBlank()) {
          return projectDir.resolve(p).normalize();
        }
      } catch (IOException | Yaml.SyntaxError e) {
        // the project loader reports a broken dbt_project.yml; packages go to the default place
      }
    }
    return projectDir.resolve("dbt_packages");
  }
}

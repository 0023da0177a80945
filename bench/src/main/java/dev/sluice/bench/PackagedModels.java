package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Makes the synthetic project use an installed dbt package ({@code bin/bench engine --packages
 * DIR}): the package folder is laid into {@code dbt_packages/} as {@code dbt deps} would, and every
 * model calls one of its macros, so parsing renders the package's Jinja for each model.
 */
final class PackagedModels {
  private PackagedModels() {}

  static void install(Path packageDir, Path project) throws IOException {
    Path dest = project.resolve("dbt_packages").resolve(packageDir.getFileName().toString());
    try (Stream<Path> walk = Files.walk(packageDir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path rel = packageDir.relativize(p);
        if (rel.startsWith("integration_tests") || rel.startsWith(".git")) {
          continue;
        }
        Path target = dest.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    String call = "{{ dbt_utils.generate_surrogate_key(['id', 'v']) }} as sk, ";
    try (Stream<Path> models = Files.list(project.resolve("models"))) {
      for (Path m : models.filter(f -> f.toString().endsWith(".sql")).toList()) {
        String sql = Files.readString(m);
        Files.writeString(m, sql.replaceFirst("^select ", "select " + call.replace("$", "\\\\$")));
      }
    }
  }
}

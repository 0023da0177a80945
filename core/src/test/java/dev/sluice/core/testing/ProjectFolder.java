package dev.sluice.core.testing;

import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes small fixture projects into a folder, one file at a time. Shared with other modules'
 * tests.
 */
public final class ProjectFolder {
  private final Path root;

  public ProjectFolder(Path root) {
    this.root = root;
  }

  /** A project named {@code name} whose warehouse is a DuckDB file under its target folder. */
  public static ProjectFolder sluice(Path root, String name) {
    return new ProjectFolder(root).file("sluice.yml", "name: " + name + "\n");
  }

  public ProjectFolder file(String relative, String text) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  public Project load() {
    return new ProjectLoader(Map.of()).load(root);
  }
}

package dev.sluice.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a project under samples/ into a temporary folder, leaving out its target/ folder. */
public final class Samples {
  private Samples() {}

  public static Path copy(String name, Path into) {
    Path source = locate(name);
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path rel = source.relativize(p);
        if (rel.startsWith("target")) {
          continue;
        }
        Path dest = into.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return into;
  }

  /** samples/NAME, found from the module folder or the repository root. */
  public static Path locate(String name) {
    for (Path base : new Path[] {Path.of(".."), Path.of("."), Path.of("../..")}) {
      Path p = base.resolve("samples").resolve(name);
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "cannot find samples/" + name + " from " + Path.of("").toAbsolutePath());
  }
}

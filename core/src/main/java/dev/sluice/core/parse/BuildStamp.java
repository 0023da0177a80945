package dev.sluice.core.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What tells one build of Sluice from another, for the caches under {@code target/}: a rendering
 * kept by another build (whose dbt functions or macros may differ) is not taken by this one. The
 * version, and the size and time of the jar the engine was loaded from; a build run from class
 * folders (the tests) has only its version.
 */
final class BuildStamp {
  /** This build's stamp. */
  static final String THIS = of(TemplateEngine.class);

  private BuildStamp() {}

  private static String of(Class<?> engine) {
    Path from = null;
    try {
      var source = engine.getProtectionDomain().getCodeSource();
      if (source != null) {
        from = Path.of(source.getLocation().toURI());
      }
    } catch (RuntimeException | java.net.URISyntaxException e) {
      // no location to tell builds apart by: the version alone
    }
    return of(engine.getPackage().getImplementationVersion(), from);
  }

  /** The stamp of a build of {@code version} loaded from {@code codeSource} (null if unknown). */
  static String of(String version, Path codeSource) {
    String stamp = "sluice " + (version == null ? "dev" : version);
    if (codeSource != null && Files.isRegularFile(codeSource)) {
      try {
        stamp +=
            " " + Files.size(codeSource) + " " + Files.getLastModifiedTime(codeSource).toMillis();
      } catch (IOException e) {
        // an unreadable jar: the version alone
      }
    }
    return stamp;
  }
}

package dev.sluice.core.deps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Puts one pinned package's files at its place in the staging folder. */
final class PackageInstall {
  private final Path projectDir;
  private final Path installDir;
  private final Hub hub;
  private final Fetcher fetcher;

  PackageInstall(Path projectDir, Path installDir, Hub hub, Fetcher fetcher) {
    this.projectDir = projectDir;
    this.installDir = installDir;
    this.hub = hub;
    this.fetcher = fetcher;
  }

  void install(LockFile.Pinned p, Path dest) {
    try {
      PackageSpec s = p.spec();
      if (s instanceof PackageSpec.Local l) {
        local(l, dest);
      } else if (s instanceof PackageSpec.Git g) {
        Folders.copy(fetcher.git(g).root(), dest, null);
      } else if (s instanceof PackageSpec.Hub h) {
        String version = h.versions().get(0);
        Hub.Release r = hub.releases(h.name()).get(version);
        if (r == null || r.tarball() == null) {
          throw new DepsException(
              h.name()
                  + ": the Hub has no version "
                  + version
                  + " (as package-lock.yml asks); run sluice deps --upgrade");
        }
        Folders.copy(fetcher.tarball(h.name() + " " + version, r.tarball()), dest, null);
      } else if (s instanceof PackageSpec.Tarball t) {
        Folders.copy(fetcher.tarball(t.url(), t.url()), dest, null);
      }
    } catch (IOException e) {
      throw new DepsException(
          p.spec().label()
              + ": cannot install into "
              + installDir.getFileName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * A local package is a link to its folder, as dbt makes it (relative, so the project can move);
   * where links cannot be made, a copy.
   */
  private void local(PackageSpec.Local l, Path dest) throws IOException {
    Path source = projectDir.resolve(l.path()).toAbsolutePath().normalize();
    if (!Files.isDirectory(source)) {
      throw new DepsException("local package " + l.path() + ": no folder at " + source);
    }
    Path finalPlace =
        installDir.resolve(dest.getFileName().toString()).toAbsolutePath().normalize();
    try {
      Files.createSymbolicLink(dest, finalPlace.getParent().relativize(source));
    } catch (IOException | UnsupportedOperationException e) {
      Folders.copy(source, dest, projectDir);
    }
  }
}

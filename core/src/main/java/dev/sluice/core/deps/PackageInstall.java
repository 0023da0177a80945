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

  /**
   * Installs the package into the staging folder under its project name (read from the package when
   * the lock file does not say it) and returns the name.
   */
  String install(LockFile.Pinned p, Path staging) {
    PackageSpec s = p.spec();
    Path source;
    if (s instanceof PackageSpec.Local l) {
      source = projectDir.resolve(l.path()).toAbsolutePath().normalize();
      if (!Files.isDirectory(source)) {
        throw new DepsException("local package " + l.path() + ": no folder at " + source);
      }
    } else if (s instanceof PackageSpec.Git g) {
      source = fetcher.git(g).root();
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
      source = fetcher.tarball(h.name() + " " + version, r.tarball());
    } else {
      source = fetcher.tarball(s.label(), s.label());
    }
    String name = p.name() != null ? p.name() : PackageProject.name(s.label(), source);
    Path dest = staging.resolve(name);
    try {
      if (s instanceof PackageSpec.Local) {
        local(source, dest);
      } else {
        Folders.copy(source, dest, null);
      }
    } catch (IOException e) {
      throw new DepsException(
          s.label() + ": cannot install into " + installDir.getFileName() + ": " + e.getMessage(),
          e);
    }
    return name;
  }

  /**
   * A local package is a link to its folder, as dbt makes it (relative, so the project can move);
   * where links cannot be made, a copy.
   */
  private void local(Path source, Path dest) throws IOException {
    Path finalPlace =
        installDir.resolve(dest.getFileName().toString()).toAbsolutePath().normalize();
    try {
      Files.createSymbolicLink(dest, finalPlace.getParent().relativize(source));
    } catch (IOException | UnsupportedOperationException e) {
      Folders.copy(source, dest, projectDir);
    }
  }
}

package dev.sluice.core.deps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a lock file still answers packages.yml, and whether dbt_packages/ holds what it locks.
 */
public final class LockCheck {
  private LockCheck() {}

  /** What the app offers to fix when a project opens. */
  public enum State {
    NO_PACKAGES,
    UP_TO_DATE,
    NOT_INSTALLED,
    OUT_OF_DATE
  }

  /**
   * The lock matches when its hash is that of packages.yml, or when every declared package has a
   * locked entry that satisfies it (a lock written by another tool hashes differently).
   */
  static boolean matches(LockFile lock, List<PackageSpec> declared, String hash) {
    if (hash.equals(lock.sha1Hash())) {
      return true;
    }
    for (PackageSpec d : declared) {
      if (lock.packages().stream().noneMatch(p -> satisfies(p.spec(), d))) {
        return false;
      }
    }
    return true;
  }

  private static boolean satisfies(PackageSpec locked, PackageSpec wanted) {
    if (wanted instanceof PackageSpec.Hub w) {
      return locked instanceof PackageSpec.Hub h
          && h.name().equals(w.name())
          && SemVer.parse(h.versions().get(0)) != null
          && SemVer.parse(h.versions().get(0)).satisfies(w.versions(), true);
    }
    if (wanted instanceof PackageSpec.Git w) {
      return locked instanceof PackageSpec.Git g
          && g.url().equals(w.url())
          && java.util.Objects.equals(g.subdirectory(), w.subdirectory())
          && (w.revision() == null
              || w.revision().length() < 7
              || g.revision().startsWith(w.revision())
              || !w.revision().matches("[0-9a-f]{7,40}"));
    }
    if (wanted instanceof PackageSpec.Local w) {
      return locked instanceof PackageSpec.Local l && l.path().equals(w.path());
    }
    return locked.equals(wanted);
  }

  /** The state of the project's packages, read from the files alone (no network). */
  public static State of(Path projectDir) {
    List<PackageSpec> declared;
    LockFile lock;
    try {
      declared = PackagesFile.declared(projectDir);
      if (declared.isEmpty()) {
        return State.NO_PACKAGES;
      }
      lock = LockFile.read(projectDir);
    } catch (DepsException e) {
      return State.OUT_OF_DATE;
    }
    Path installDir = PackageProject.installPath(projectDir);
    if (lock == null) {
      return Files.isDirectory(installDir) ? State.OUT_OF_DATE : State.NOT_INSTALLED;
    }
    if (!matches(lock, declared, LockFile.hashOf(PackagesFile.hashEntries(projectDir)))) {
      return State.OUT_OF_DATE;
    }
    for (LockFile.Pinned p : lock.packages()) {
      boolean present =
          p.name() == null
              ? Files.isDirectory(installDir)
              : Files.exists(installDir.resolve(p.name()).resolve("dbt_project.yml"));
      if (!present) {
        return State.NOT_INSTALLED;
      }
    }
    return State.UP_TO_DATE;
  }
}

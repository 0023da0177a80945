package dev.sluice.core.deps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code sluice deps}: resolves the declared packages (or takes the lock file as it is), writes the
 * lock, and installs every package into a staging folder next to dbt_packages/ that replaces it in
 * one rename once all arrived. A failure leaves the old dbt_packages/ as it was.
 */
public final class Deps {
  /**
   * @param upgrade resolve again even when the lock file matches packages.yml
   * @param lockOnly write the lock file, install nothing
   * @param hubUrl the Hub's base URL, or null for DBT_PACKAGE_HUB_URL or dbt's
   */
  public record Options(boolean upgrade, boolean lockOnly, String hubUrl) {
    public static Options defaults() {
      return new Options(false, false, null);
    }
  }

  /** What a run did: the packages (as locked), where they went, whether the lock was rewritten. */
  public record Result(
      List<LockFile.Pinned> packages, Path installDir, boolean locked, List<String> notes) {}

  private Deps() {}

  public static Result install(Path projectDir, Options options, Consumer<String> progress) {
    Path root = projectDir.toAbsolutePath().normalize();
    List<PackageSpec> declared = PackagesFile.declared(root);
    Path installDir = PackageProject.installPath(root);
    List<String> notes = new ArrayList<>();
    if (declared.isEmpty()) {
      notes.add("no packages declared in packages.yml or dependencies.yml; nothing to install");
      return new Result(List.of(), installDir, false, notes);
    }
    Hub hub = Hub.fromEnvironment(options.hubUrl());
    Path scratch = scratch(root, ".dbt_packages-downloads-");
    try {
      Fetcher fetcher = new Fetcher(scratch, hub);
      String hash = LockFile.hashOf(PackagesFile.hashEntries(root));
      LockFile lock = LockFile.read(root);
      boolean relock =
          options.upgrade() || lock == null || !LockCheck.matches(lock, declared, hash);
      if (relock) {
        List<LockFile.Pinned> pinned = new Resolver(root, hub, fetcher, progress).resolve(declared);
        lock = new LockFile(pinned, hash);
        lock.write(root);
        progress.accept("Updated " + LockFile.NAME);
      }
      if (options.lockOnly()) {
        return new Result(lock.packages(), installDir, relock, notes);
      }
      Path staging =
          scratch(installDir.getParent(), "." + installDir.getFileName() + "-installing-");
      try {
        List<LockFile.Pinned> installed = new ArrayList<>();
        PackageInstall installer = new PackageInstall(root, installDir, hub, fetcher);
        for (LockFile.Pinned p : lock.packages()) {
          progress.accept("Installing " + describe(p));
          installed.add(new LockFile.Pinned(p.spec(), installer.install(p, staging)));
          notes.addAll(newerVersion(hub, p));
        }
        swap(staging, installDir);
        return new Result(installed, installDir, relock, notes);
      } finally {
        quietlyDelete(staging);
      }
    } finally {
      quietlyDelete(scratch);
    }
  }

  /** "dbt-labs/dbt_utils 1.1.1", "https://…/x.git @ 3f2a…", "../ (local)". */
  public static String describe(LockFile.Pinned p) {
    PackageSpec s = p.spec();
    if (s instanceof PackageSpec.Hub h) {
      return h.name() + " " + h.versions().get(0);
    }
    if (s instanceof PackageSpec.Git g) {
      return g.url()
          + " @ "
          + g.revision()
          + (g.subdirectory() == null ? "" : " (" + g.subdirectory() + ")");
    }
    if (s instanceof PackageSpec.Local l) {
      return l.path() + " (local)";
    }
    return s.label();
  }

  private static List<String> newerVersion(Hub hub, LockFile.Pinned p) {
    if (!(p.spec() instanceof PackageSpec.Hub h)) {
      return List.of();
    }
    SemVer installed = SemVer.parse(h.versions().get(0));
    SemVer newest = null;
    for (String v : hub.releases(h.name()).keySet()) {
      SemVer sv = SemVer.parse(v);
      if (sv != null && !sv.isPrerelease() && (newest == null || sv.compareTo(newest) > 0)) {
        newest = sv;
      }
    }
    return newest != null && installed != null && newest.compareTo(installed) > 0
        ? List.of(h.name() + ": version " + newest + " is available (installed " + installed + ")")
        : List.of();
  }

  /** Replaces dbt_packages/ with the staged folder; on failure the old one is put back. */
  private static void swap(Path staging, Path installDir) {
    Path old = null;
    try {
      if (Files.exists(installDir, LinkOption.NOFOLLOW_LINKS)) {
        old =
            installDir.resolveSibling(
                "." + installDir.getFileName() + "-old-" + ProcessHandle.current().pid());
        quietlyDelete(old);
        Files.move(installDir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null && !Files.exists(installDir)) {
        try {
          Files.move(old, installDir, StandardCopyOption.ATOMIC_MOVE);
          old = null;
        } catch (IOException ignored) {
          // the message below names the folder the old packages are in
        }
      }
      throw new DepsException(
          "cannot put the new packages in place of "
              + installDir.getFileName()
              + ": "
              + e.getMessage()
              + (old == null ? "" : "; the old packages are in " + old.getFileName()),
          e);
    }
    if (old != null) {
      quietlyDelete(old);
    }
  }

  private static Path scratch(Path dir, String prefix) {
    try {
      Files.createDirectories(dir);
      // not createTempDirectory: its owner-only mode would stay on dbt_packages/ after the swap
      return Files.createDirectory(
          dir.resolve(
              prefix
                  + Long.toHexString(
                      java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1)));
    } catch (IOException e) {
      throw new DepsException("cannot create a folder in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void quietlyDelete(Path dir) {
    try {
      Folders.delete(dir);
    } catch (IOException ignored) {
      // a leftover scratch folder starts with a dot and is removed by the next run
    }
  }
}

package dev.sluice.core.deps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Brings packages' files into a scratch folder, once each: git clones and unpacked tarballs. Both
 * resolving and installing use it, so a repository resolved is not cloned again to install it.
 */
final class Fetcher {
  private final Path scratch;
  private final Hub hub;
  private final Map<String, Fetched> clones = new HashMap<>();
  private final Map<String, Path> tarballs = new HashMap<>();
  private int counter;

  /** A fetched git package: the commit and the package's root (the subdirectory, if any). */
  record Fetched(String revision, Path root) {}

  Fetcher(Path scratch, Hub hub) {
    this.scratch = scratch;
    this.hub = hub;
  }

  Fetched git(PackageSpec.Git g) {
    String key = g.url() + "@" + g.revision();
    Fetched f = clones.get(key);
    if (f != null) {
      return withSubdirectory(g, f);
    }
    Path dir = next("git");
    String commit = GitCheckout.checkout(g.url(), g.revision(), dir);
    f = new Fetched(commit, dir);
    clones.put(key, f);
    clones.put(g.url() + "@" + commit, f);
    return withSubdirectory(g, f);
  }

  /** Whether this revision of the repository names the given commit (a branch resolved before). */
  boolean sameCommit(PackageSpec.Git g, String commit) {
    return commit.equals(git(g).revision());
  }

  private static Fetched withSubdirectory(PackageSpec.Git g, Fetched f) {
    if (g.subdirectory() == null || g.subdirectory().isBlank()) {
      return f;
    }
    Path sub = f.root().resolve(g.subdirectory()).normalize();
    if (!sub.startsWith(f.root()) || !Files.isDirectory(sub)) {
      throw new DepsException(
          g.url() + ": no subdirectory " + g.subdirectory() + " in the repository");
    }
    return new Fetched(f.revision(), sub);
  }

  /** Downloads and unpacks a tarball; returns the package's root. */
  Path tarball(String label, String url) {
    Path root = tarballs.get(url);
    if (root != null) {
      return root;
    }
    Path dir = next("tar");
    Path archive = dir.resolve("package.tar.gz");
    hub.download(label, url, archive);
    root = Tarballs.extract(label, archive, dir.resolve("files"));
    tarballs.put(url, root);
    return root;
  }

  private Path next(String kind) {
    Path dir = scratch.resolve(kind + "-" + (++counter));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DepsException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }
}

package dev.sluice.core.deps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns declared packages into pinned ones, transitive packages included: hub ranges meet (every
 * package asking for dbt_utils narrows its range) and the newest version inside wins; git branches
 * and tags become commits; local paths are kept relative to the project.
 */
final class Resolver {
  private final Path projectDir;
  private final Hub hub;
  private final Fetcher fetcher;
  private final Consumer<String> progress;

  private final Map<String, LockFile.Pinned> pinned = new LinkedHashMap<>();
  private final Map<String, List<String>> hubRanges = new LinkedHashMap<>();
  private final Map<String, Boolean> hubPrerelease = new LinkedHashMap<>();
  private final Map<String, String> hubPicked = new LinkedHashMap<>();
  private final Deque<Wanted> queue = new ArrayDeque<>();

  /** Package names the project itself installs from a folder, git or a tarball, and from where. */
  private final Map<String, String> ownByName = new LinkedHashMap<>();

  /** A package asked for; {@code fetchedFrom} names the git or hub package that asked, if any. */
  private record Wanted(PackageSpec spec, Path base, String fetchedFrom) {}

  Resolver(Path projectDir, Hub hub, Fetcher fetcher, Consumer<String> progress) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.hub = hub;
    this.fetcher = fetcher;
    this.progress = progress;
  }

  List<LockFile.Pinned> resolve(List<PackageSpec> declared) {
    declared.forEach(s -> queue.add(new Wanted(s, projectDir, null)));
    boolean changed = true;
    while (changed) {
      while (!queue.isEmpty()) {
        take(queue.poll());
      }
      changed = pickHubVersions();
    }
    List<LockFile.Pinned> out = new ArrayList<>();
    Map<String, String> byName = new LinkedHashMap<>();
    for (Map.Entry<String, LockFile.Pinned> e : pinned.entrySet()) {
      LockFile.Pinned p = e.getValue();
      if (p.spec() instanceof PackageSpec.Hub h) {
        p =
            new LockFile.Pinned(
                new PackageSpec.Hub(h.name(), List.of(hubPicked.get(h.name())), false), p.name());
      }
      String other = byName.putIfAbsent(p.name(), p.spec().label());
      if (other != null) {
        throw new DepsException(
            "two packages are both named "
                + p.name()
                + ": "
                + other
                + " and "
                + p.spec().label()
                + "; keep one of them");
      }
      out.add(p);
    }
    return out;
  }

  private void take(Wanted w) {
    PackageSpec spec = w.spec();
    boolean transitive = w.fetchedFrom() != null || !w.base().equals(projectDir);
    if (spec instanceof PackageSpec.Hub h && transitive && providedByProject(h)) {
      return;
    }
    if (spec instanceof PackageSpec.Hub h) {
      hubRanges.computeIfAbsent(h.name(), k -> new ArrayList<>()).addAll(h.versions());
      hubPrerelease.merge(h.name(), h.installPrerelease(), Boolean::logicalOr);
      pinned.putIfAbsent("hub:" + h.name(), new LockFile.Pinned(h, null));
    } else if (spec instanceof PackageSpec.Git g) {
      String key = "git:" + g.url() + "#" + (g.subdirectory() == null ? "" : g.subdirectory());
      LockFile.Pinned seen = pinned.get(key);
      if (seen != null) {
        String rev = ((PackageSpec.Git) seen.spec()).revision();
        if (g.revision() != null && !rev.startsWith(g.revision()) && !fetcher.sameCommit(g, rev)) {
          throw new DepsException(
              g.url()
                  + ": asked for at two revisions ("
                  + g.revision()
                  + " and "
                  + rev
                  + "); make them agree");
        }
        return;
      }
      progress.accept("Resolving " + g.url() + (g.revision() == null ? "" : " @ " + g.revision()));
      Fetcher.Fetched f = fetcher.git(g);
      PackageSpec.Git pin = new PackageSpec.Git(g.url(), f.revision(), g.subdirectory());
      LockFile.Pinned gp = new LockFile.Pinned(pin, PackageProject.name(g.url(), f.root()));
      pinned.put(key, gp);
      own(w, gp);
      more(f.root(), g.url());
    } else if (spec instanceof PackageSpec.Local l) {
      if (w.fetchedFrom() != null) {
        throw new DepsException(
            w.fetchedFrom()
                + " asks for local: "
                + l.path()
                + ", which Sluice cannot install from a downloaded package; name it by git: or"
                + " package: instead");
      }
      Path root = w.base().resolve(l.path()).toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw new DepsException("local package " + l.path() + ": no folder at " + root);
      }
      String key = "local:" + root;
      if (pinned.containsKey(key)) {
        return;
      }
      String relative = projectDir.relativize(root).toString().replace('\\', '/');
      PackageSpec.Local pin =
          new PackageSpec.Local(
              w.base().equals(projectDir) ? l.path() : (relative.isEmpty() ? "." : relative));
      LockFile.Pinned lp = new LockFile.Pinned(pin, PackageProject.name(l.path(), root));
      pinned.put(key, lp);
      own(w, lp);
      if (!root.equals(projectDir)) {
        more(root, w.fetchedFrom());
      }
    } else if (spec instanceof PackageSpec.Tarball t) {
      String key = "tarball:" + t.url();
      if (pinned.containsKey(key)) {
        return;
      }
      Path root = fetcher.tarball(t.url(), t.url());
      LockFile.Pinned tp = new LockFile.Pinned(t, PackageProject.name(t.url(), root));
      pinned.put(key, tp);
      own(w, tp);
      more(root, t.url());
    }
  }

  /**
   * Whether a package's hub requirement ({@code dbt-labs/dbt_utils}) is met by a package of the
   * same name that the project itself installs from a folder, git or a tarball: the project's word
   * wins, as when a package is developed beside the project, and no Hub is asked.
   */
  private boolean providedByProject(PackageSpec.Hub h) {
    String name = h.name().substring(h.name().lastIndexOf('/') + 1);
    String from = ownByName.get(name);
    if (from == null) {
      return false;
    }
    progress.accept(
        "Using the project's "
            + from
            + " for "
            + h.name()
            + " "
            + h.versions()
            + ", asked for by a package");
    return true;
  }

  private void own(Wanted w, LockFile.Pinned p) {
    if (w.base().equals(projectDir) && w.fetchedFrom() == null && p.name() != null) {
      ownByName.putIfAbsent(p.name(), p.spec().label());
    }
  }

  /** A package's own packages, which are the project's too; local paths count from the package. */
  private void more(Path packageRoot, String fetchedFrom) {
    PackagesFile.declared(packageRoot)
        .forEach(s -> queue.add(new Wanted(s, packageRoot, fetchedFrom)));
  }

  /** Picks a version per hub package; true when a pick changed (its own packages then join in). */
  private boolean pickHubVersions() {
    boolean changed = false;
    for (Map.Entry<String, List<String>> e : hubRanges.entrySet()) {
      String name = e.getKey();
      if (!hubPicked.containsKey(name)) {
        progress.accept("Resolving " + name + " " + e.getValue());
      }
      Map<String, Hub.Release> releases = hub.releases(name);
      SemVer best = null;
      String bestText = null;
      for (String v : releases.keySet()) {
        SemVer sv = SemVer.parse(v);
        if (sv != null
            && sv.satisfies(e.getValue(), hubPrerelease.getOrDefault(name, false))
            && (best == null || sv.compareTo(best) > 0)) {
          best = sv;
          bestText = v;
        }
      }
      if (best == null) {
        throw new DepsException(
            name
                + ": no version matches "
                + e.getValue()
                + " (the Hub has "
                + String.join(", ", releases.keySet())
                + ")");
      }
      if (!bestText.equals(hubPicked.get(name))) {
        hubPicked.put(name, bestText);
        Hub.Release r = releases.get(bestText);
        LockFile.Pinned old = pinned.get("hub:" + name);
        pinned.put("hub:" + name, new LockFile.Pinned(old.spec(), r.name()));
        r.packages().forEach(s -> queue.add(new Wanted(s, projectDir, name)));
        changed = true;
      }
    }
    return changed;
  }
}

package dev.sluice.core.deps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code packages.yml} or {@code package-lock.yml}: where a package comes from. An
 * entry from the lock file is pinned (a hub version, a git commit); one from packages.yml may be a
 * range or a branch.
 */
public sealed interface PackageSpec {

  /** How the entry is named in messages: the hub name, the git URL or the local path. */
  String label();

  /** The entry as YAML would hold it, keys in dbt's order. */
  Map<String, Object> toMap();

  /** {@code package: dbt-labs/dbt_utils} with {@code version:} one or more ranges. */
  record Hub(String name, List<String> versions, boolean installPrerelease) implements PackageSpec {
    public Hub {
      versions = List.copyOf(versions);
    }

    @Override
    public String label() {
      return name;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("package", name);
      m.put("version", versions.size() == 1 ? versions.get(0) : versions);
      if (installPrerelease) {
        m.put("install-prerelease", true);
      }
      return m;
    }
  }

  /**
   * {@code git: <url>} with an optional {@code revision} (branch, tag or commit) and subdirectory.
   */
  record Git(String url, String revision, String subdirectory) implements PackageSpec {
    @Override
    public String label() {
      return url;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("git", url);
      if (revision != null) {
        m.put("revision", revision);
      }
      if (subdirectory != null) {
        m.put("subdirectory", subdirectory);
      }
      return m;
    }
  }

  /** {@code local: <path>}, relative to the project that names it. */
  record Local(String path) implements PackageSpec {
    @Override
    public String label() {
      return path;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("local", path);
      return m;
    }
  }

  /** {@code tarball: <url>}: a .tar.gz anywhere on the web. */
  record Tarball(String url) implements PackageSpec {
    @Override
    public String label() {
      return url;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("tarball", url);
      return m;
    }
  }
}

package dev.sluice.core.deps;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package version as the dbt Hub names them ({@code 1.1.1}, {@code 0.9.0-b1}), and the ranges
 * packages.yml writes ({@code ">=1.0.0"}, {@code "<2.0.0"}, {@code "1.1.1"}).
 */
public record SemVer(int major, int minor, int patch, String prerelease)
    implements Comparable<SemVer> {
  private static final Pattern VERSION =
      Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-?([0-9A-Za-z.\\-]+))?(?:\\+.*)?");
  private static final Pattern RANGE = Pattern.compile("\\s*(>=|<=|>|<|=)?\\s*(.+?)\\s*");

  /** The version this text names, or null when it is not one. */
  public static SemVer parse(String text) {
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    return new SemVer(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
        m.group(4) == null ? "" : m.group(4));
  }

  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /**
   * Whether this version satisfies every range. Prereleases match only when asked for, or when a
   * range names a prerelease itself.
   */
  public boolean satisfies(List<String> ranges, boolean allowPrerelease) {
    boolean namedPrerelease = false;
    for (String r : ranges) {
      Matcher m = RANGE.matcher(r);
      if (!m.matches()) {
        throw new DepsException("not a version range: " + r);
      }
      SemVer bound = parse(m.group(2));
      if (bound == null) {
        throw new DepsException("not a version range: " + r);
      }
      namedPrerelease |= bound.isPrerelease();
      int c = compareTo(bound);
      String op = m.group(1) == null ? "=" : m.group(1);
      boolean ok =
          switch (op) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> c == 0;
          };
      if (!ok) {
        return false;
      }
    }
    return !isPrerelease() || allowPrerelease || namedPrerelease;
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c == 0) {
      // a release sorts after its prereleases
      if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
        c = Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
      } else {
        c = prerelease.compareTo(o.prerelease);
      }
    }
    return c;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
  }
}

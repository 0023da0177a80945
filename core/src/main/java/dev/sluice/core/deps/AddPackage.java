package dev.sluice.core.deps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sluice deps --add-package NAME@VERSION} (dbt 1.8's {@code dbt deps --add-package}): adds
 * the package to the file that declares the project's packages, or changes its version when it is
 * there already. The rest of the file (other entries, comments, other keys of {@code
 * dependencies.yml}) stays as it was; with no such file, {@code packages.yml} is written.
 */
public final class AddPackage {
  private static final Pattern ENTRY = Pattern.compile("^(\\s*)-\\s");

  private AddPackage() {}

  /** Where a package named on the command line comes from: {@code --source hub|git|local}. */
  public enum Source {
    HUB,
    GIT,
    LOCAL;

    public static Source of(String text) {
      for (Source s : values()) {
        if (s.name().equalsIgnoreCase(text)) {
          return s;
        }
      }
      throw new DepsException("--source must be hub, git or local, not '" + text + "'");
    }
  }

  /**
   * What was done: the file written and the entry as it now reads.
   *
   * @param previous the file's text before, null when there was no file
   */
  public record Added(Path file, PackageSpec spec, boolean replaced, String previous) {
    /** Puts the file back as it was, when installing what was added failed. */
    public void undo() {
      try {
        if (previous == null) {
          Files.deleteIfExists(file);
        } else {
          dev.sluice.core.io.AtomicFiles.write(file, previous);
        }
      } catch (IOException e) {
        throw new DepsException("cannot put back " + file.getFileName() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The entry {@code NAME@VERSION} means: a hub name and version (a range may be given as {@code
   * ">=1.0.0,<2.0.0"}), a git URL and revision, or a local path.
   */
  public static PackageSpec parse(String text, Source source) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new DepsException("--add-package needs a package, such as dbt-labs/dbt_utils@1.3.0");
    }
    int at = t.lastIndexOf('@');
    // an ssh URL (git@github.com:org/repo.git) has an @ that is not a version's
    if (at >= 0 && source == Source.GIT && t.substring(at + 1).contains(":")) {
      at = -1;
    }
    String name = at < 0 ? t : t.substring(0, at);
    String version = at < 0 ? null : t.substring(at + 1).strip();
    switch (source) {
      case HUB -> {
        if (!name.matches("[\\w.-]+/[\\w.-]+")) {
          throw new DepsException(
              "'"
                  + name
                  + "' is not a dbt Hub name (organisation/package); for a git URL or a folder add"
                  + " --source git or --source local");
        }
        if (version == null || version.isEmpty()) {
          throw new DepsException(
              "--add-package "
                  + name
                  + " needs a version: "
                  + name
                  + "@1.0.0, or a range such as "
                  + name
                  + "@\">=1.0.0,<2.0.0\"");
        }
        List<String> versions = new ArrayList<>();
        for (String v : version.split(",")) {
          if (!v.isBlank()) {
            versions.add(v.strip());
          }
        }
        return new PackageSpec.Hub(name, versions, false);
      }
      case GIT -> {
        return new PackageSpec.Git(
            name, version == null || version.isEmpty() ? null : version, null);
      }
      default -> {
        if (version != null) {
          throw new DepsException("a local package has no version; drop '@" + version + "'");
        }
        return new PackageSpec.Local(name);
      }
    }
  }

  /** Adds (or updates) the entry in the project's packages file. */
  public static Added add(Path projectDir, PackageSpec spec) {
    Path root = projectDir.toAbsolutePath().normalize();
    Path file = PackagesFile.declaring(root);
    if (file == null) {
      file = root.resolve(PackagesFile.PACKAGES);
    }
    List<PackageSpec> existing =
        Files.isRegularFile(file) ? PackagesFile.read(file, name -> null) : List.of();
    String text;
    try {
      text = Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new DepsException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("packages:\\s*(#.*)?")) {
        header = i;
        break;
      }
    }
    String previous = Files.isRegularFile(file) ? text : null;
    boolean replaced = false;
    if (header < 0) {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
        lines.add("");
      }
      lines.add("packages:");
      lines.addAll(entryLines(spec, "  "));
    } else {
      int end = header + 1;
      while (end < lines.size() && insideBlock(lines.get(end))) {
        end++;
      }
      List<Integer> starts = new ArrayList<>();
      String indent = null;
      for (int i = header + 1; i < end; i++) {
        Matcher m = ENTRY.matcher(lines.get(i));
        if (m.find() && (indent == null || m.group(1).equals(indent))) {
          indent = m.group(1);
          starts.add(i);
        }
      }
      if (indent == null) {
        indent = "  ";
      }
      int same = -1;
      for (int i = 0; i < existing.size() && i < starts.size(); i++) {
        if (sameKey(existing.get(i), spec)) {
          same = i;
        }
      }
      if (same >= 0) {
        int from = starts.get(same);
        int to = same + 1 < starts.size() ? starts.get(same + 1) : lastContent(lines, from, end);
        for (int i = from; i < to; i++) {
          lines.remove(from);
        }
        lines.addAll(from, entryLines(spec, indent));
        replaced = true;
      } else {
        int after =
            starts.isEmpty() ? header + 1 : lastContent(lines, starts.get(starts.size() - 1), end);
        lines.addAll(after, entryLines(spec, indent));
      }
    }
    try {
      dev.sluice.core.io.AtomicFiles.write(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new DepsException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
    }
    return new Added(file, spec, replaced, previous);
  }

  /** A line of the packages: block: indented, blank, a comment, or a list item at column 0. */
  private static boolean insideBlock(String line) {
    return line.isBlank() || line.startsWith(" ") || line.startsWith("-") || line.startsWith("#");
  }

  /** The line after an entry's last line that is not blank or a comment. */
  private static int lastContent(List<String> lines, int from, int end) {
    int last = from;
    for (int i = from; i < end; i++) {
      String s = lines.get(i).strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        last = i;
      }
    }
    return last + 1;
  }

  private static boolean sameKey(PackageSpec a, PackageSpec b) {
    if (a instanceof PackageSpec.Hub x && b instanceof PackageSpec.Hub y) {
      return x.name().equalsIgnoreCase(y.name());
    }
    if (a instanceof PackageSpec.Git x && b instanceof PackageSpec.Git y) {
      return x.url().equals(y.url());
    }
    if (a instanceof PackageSpec.Local x && b instanceof PackageSpec.Local y) {
      return x.path().equals(y.path());
    }
    return false;
  }

  private static List<String> entryLines(PackageSpec spec, String indent) {
    List<String> out = new ArrayList<>();
    String more = indent + "  ";
    if (spec instanceof PackageSpec.Hub h) {
      out.add(indent + "- package: " + h.name());
      if (h.versions().size() == 1) {
        out.add(more + "version: " + quoted(h.versions().get(0)));
      } else {
        out.add(
            more
                + "version: ["
                + String.join(", ", h.versions().stream().map(AddPackage::quoted).toList())
                + "]");
      }
    } else if (spec instanceof PackageSpec.Git g) {
      out.add(indent + "- git: " + quoted(g.url()));
      if (g.revision() != null) {
        out.add(more + "revision: " + quoted(g.revision()));
      }
    } else if (spec instanceof PackageSpec.Local l) {
      out.add(indent + "- local: " + quoted(l.path()));
    }
    return out;
  }

  /** Quoted when YAML would read it as something else (a range's > or <, a number-like 1.0). */
  private static String quoted(String s) {
    return s.matches("[A-Za-z][\\w./:-]*") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
  }
}

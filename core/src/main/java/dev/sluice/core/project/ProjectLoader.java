package dev.sluice.core.project;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a project folder into a {@link Project}. It never throws for a bad project: whatever can be
 * read is returned, and every problem is listed with its file and line.
 */
public final class ProjectLoader {
  /** The folder of export files ({@code *.yml}), relative to the project root. */
  public static final String EXPORT_PATH = "exports";

  private final Map<String, String> env;
  private final SourceFiles files;

  public ProjectLoader() {
    this(System.getenv());
  }

  public ProjectLoader(Map<String, String> env) {
    this(env, null);
  }

  /**
   * A loader that reads again only the files {@code files} does not hold as they are, and gives
   * back the nodes of its last load that did not change (see {@link SourceFiles}); when nothing but
   * models' SQL changed since, the last project with the new SQL swapped in (see {@link
   * LoadInputs}).
   */
  public ProjectLoader(Map<String, String> env, SourceFiles files) {
    this.env = env;
    this.files = files;
  }

  public Project load(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    List<ProjectProblem> problems = new ArrayList<>();
    ProjectSettings settings = new SettingsReader(root, env, problems).read();
    if (settings == null) {
      if (files != null) {
        files.finish(null, problems);
      }
      return new Project(root, emptySettings(root), List.of(), List.of(), Map.of(), problems);
    }
    if (files == null) {
      Project p = readWhole(root, settings, problems);
      return p == null ? unreadable(root, settings, problems) : p;
    }
    List<ProjectProblem> ofSettings = List.copyOf(problems);
    files.begin();
    Project swapped = files.swap(root, settings, ofSettings);
    if (swapped != null) {
      return swapped; // only model SQL changed since the last load
    }
    files.begin();
    Project p = readWhole(root, settings, problems);
    if (p == null) {
      files.finish(null, ofSettings);
      return unreadable(root, settings, problems);
    }
    Project out =
        new Project(root, settings, files.end(p.nodes()), p.macros(), p.docs(), p.problems());
    files.finish(out, ofSettings);
    return out;
  }

  /** Every file read; null when a folder or file cannot be read (a problem says which). */
  private Project readWhole(Path root, ProjectSettings settings, List<ProjectProblem> problems) {
    try {
      return new ProjectReading(root, settings, problems, files).read();
    } catch (UncheckedIOException e) {
      problems.add(
          ProjectProblem.error(null, 0, "cannot read the project: " + e.getCause().getMessage()));
      return null;
    }
  }

  private static Project unreadable(
      Path root, ProjectSettings settings, List<ProjectProblem> problems) {
    return new Project(root, settings, List.of(), List.of(), Map.of(), problems);
  }

  /**
   * The project file and its targets alone, with no model, macro or schema file read: enough for a
   * command that only opens the warehouse (a query without templates), so that a broken model does
   * not stop it. The problems are the settings' own.
   */
  public Project loadSettings(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    List<ProjectProblem> problems = new ArrayList<>();
    ProjectSettings settings = new SettingsReader(root, env, problems).read();
    return new Project(
        root,
        settings == null ? emptySettings(root) : settings,
        List.of(),
        List.of(),
        Map.of(),
        problems);
  }

  private static ProjectSettings emptySettings(Path root) {
    return new ProjectSettings(
        root.getFileName() == null ? "project" : root.getFileName().toString(),
        Path.of(SettingsReader.SLUICE_FILE),
        List.of("models"),
        List.of("seeds"),
        List.of("tests"),
        List.of("macros"),
        List.of("snapshots"),
        List.of("sources"),
        "target",
        Map.of(),
        Map.of(),
        Map.of("dev", Target.duckdb("dev", root.resolve("target/project.duckdb"))),
        "dev");
  }

  static String stem(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(0, dot);
  }

  static String folderUnder(Path base, Path file) {
    String b = base.toString();
    String f = file.toString();
    String sep = file.getFileSystem().getSeparator();
    if (f.startsWith(b) && f.startsWith(sep, b.length()) && !b.contains(sep + ".")) {
      // a path under the folder, as the walk gives it: cheaper than relativize
      String rest = f.substring(b.length() + sep.length());
      int last = rest.lastIndexOf(sep);
      return last < 0 ? "" : rest.substring(0, last).replace('\\', '/');
    }
    Path parent = base.relativize(file).getParent();
    return parent == null ? "" : parent.toString().replace('\\', '/');
  }

  static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

package dev.sluice.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dbt packages installed in a project's {@code dbt_packages/} folder, as {@code dbt deps} lays
 * them out (one folder per package, each with its own {@code dbt_project.yml}), and the root
 * project's {@code dispatch:} search orders.
 */
public final class InstalledPackages {
  /** The folder {@code dbt deps} installs into. */
  public static final String FOLDER = "dbt_packages";

  /**
   * One installed package.
   *
   * @param dir the package's folder, relative to the project root
   * @param vars what its own project file sets under {@code vars:}
   */
  public record Package(
      String name,
      Path dir,
      List<String> macroPaths,
      List<String> modelPaths,
      List<String> seedPaths,
      List<String> snapshotPaths,
      Map<String, Object> vars,
      Map<String, Map<String, Object>> configTrees) {

    /** Its own {@code models:}, {@code seeds:}, ... tree, as its project file writes it. */
    public Map<String, Object> configTree(String kind) {
      return configTrees.getOrDefault(kind, Map.of());
    }
  }

  private final List<Package> packages;
  private final Map<String, List<String>> dispatch;
  private final List<ProjectProblem> problems;

  private InstalledPackages(
      List<Package> packages, Map<String, List<String>> dispatch, List<ProjectProblem> problems) {
    this.packages = List.copyOf(packages);
    this.dispatch =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(
                dispatch)); // in order: it is part of the parse fingerprint
    this.problems = List.copyOf(problems);
  }

  public List<Package> packages() {
    return packages;
  }

  /** The packages {@code adapter.dispatch(name, namespace)} searches, in order, when set. */
  public Map<String, List<String>> dispatch() {
    return dispatch;
  }

  public List<ProjectProblem> problems() {
    return problems;
  }

  /** Reads what is installed under a project root; a project with no packages has none. */
  public static InstalledPackages read(Path root) {
    List<ProjectProblem> problems = new ArrayList<>();
    Map<String, List<String>> dispatch = new LinkedHashMap<>();
    Path own = root.resolve("dbt_project.yml");
    if (Files.isRegularFile(own)) {
      Yaml.Value doc = yaml(own, Path.of("dbt_project.yml"), problems);
      Yaml.Value d = doc == null ? null : doc.get("dispatch");
      if (d != null && d.isList()) {
        for (Yaml.Value entry : d.asList()) {
          String ns = entry.text("macro_namespace");
          Object order =
              entry.get("search_order") == null ? null : entry.get("search_order").plain();
          if (ns != null) {
            dispatch.put(ns, NodeConfig.asStrings(order));
          }
        }
      }
    }
    List<Package> out = new ArrayList<>();
    Path folder = root.resolve(FOLDER);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> dirs = Files.list(folder)) {
        for (Path dir :
            dirs.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList()) {
          Path file = dir.resolve("dbt_project.yml");
          Path rel = root.relativize(file);
          if (!Files.isRegularFile(file)) {
            problems.add(
                ProjectProblem.warning(
                    root.relativize(dir),
                    0,
                    "no dbt_project.yml in this package folder; it is left out"));
            continue;
          }
          Yaml.Value doc = yaml(file, rel, problems);
          if (doc == null) {
            continue;
          }
          String name = doc.text("name");
          if (name == null || name.isBlank()) {
            name = dir.getFileName().toString();
          }
          out.add(
              new Package(
                  name,
                  root.relativize(dir),
                  paths(doc, "macro-paths", "macros"),
                  paths(doc, "model-paths", "models"),
                  paths(doc, "seed-paths", "seeds"),
                  paths(doc, "snapshot-paths", "snapshots"),
                  map(doc.get("vars")),
                  trees(doc)));
        }
      } catch (IOException e) {
        problems.add(ProjectProblem.error(Path.of(FOLDER), 0, "cannot read: " + e.getMessage()));
      }
    }
    return new InstalledPackages(out, dispatch, problems);
  }

  /** Every {@code .sql} file under a package's macro folders, relative to the project root. */
  public static List<Path> macroFiles(Path root, Package p) {
    List<Path> files = new ArrayList<>();
    for (String mp : p.macroPaths()) {
      Path dir = root.resolve(p.dir()).resolve(mp);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(f -> f.toString().endsWith(".sql"))
            .sorted()
            .forEach(f -> files.add(root.relativize(f)));
      } catch (IOException e) {
        // an unreadable folder has no macros to offer; reading a file names the problem
      }
    }
    return files;
  }

  private static Map<String, Map<String, Object>> trees(Yaml.Value doc) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (String kind : List.of("models", "seeds", "snapshots", "tests")) {
      Map<String, Object> tree = map(doc.get(kind));
      if (!tree.isEmpty()) {
        out.put(kind, tree);
      }
    }
    return out;
  }

  /** The package that holds a file of the project, or null for the project's own files. */
  public Package packageOf(Path file) {
    if (file == null) {
      return null;
    }
    for (Package p : packages) {
      if (file.startsWith(p.dir())) {
        return p;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Yaml.Value v) {
    return v != null && v.plain() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> paths(Yaml.Value doc, String key, String fallback) {
    Yaml.Value v = doc.get(key);
    List<String> out = v == null ? List.of() : NodeConfig.asStrings(v.plain());
    return out.isEmpty() ? List.of(fallback) : out;
  }

  private static Yaml.Value yaml(Path file, Path rel, List<ProjectProblem> problems) {
    try {
      return Yaml.read(file);
    } catch (Yaml.SyntaxError e) {
      problems.add(
          new ProjectProblem(
              rel, e.line(), e.column(), ProjectProblem.Severity.ERROR, e.getMessage()));
    } catch (IOException e) {
      problems.add(ProjectProblem.error(rel, 0, "cannot read: " + e.getMessage()));
    }
    return null;
  }
}

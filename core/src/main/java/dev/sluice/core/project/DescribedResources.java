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
 * What schema files describe that Sluice reads but does not run: dbt's semantic layer ({@code
 * semantic_models}, {@code metrics}, {@code saved_queries}), {@code exposures} and {@code groups}.
 * Real projects carry them; they are listed by {@code sluice ls --resource-type} and skipped with a
 * note.
 */
public final class DescribedResources {
  /** The schema-file key and dbt's resource type for each. */
  public static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("semantic_models", "semantic_model");
    TYPES.put("metrics", "metric");
    TYPES.put("saved_queries", "saved_query");
    TYPES.put("exposures", "exposure");
    TYPES.put("groups", "group");
  }

  /** One described resource. */
  public record Resource(String type, String name, Path file, int line) {}

  private final List<ProjectProblem> problems;
  final List<Resource> resources = new ArrayList<>();

  DescribedResources(List<ProjectProblem> problems) {
    this.problems = problems;
  }

  void read(Path rel, Yaml.Value doc) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int firstLine = 0;
    for (Map.Entry<String, String> kind : TYPES.entrySet()) {
      Yaml.Value list = doc.get(kind.getKey());
      if (list == null) {
        continue;
      }
      for (Yaml.Value entry : list.asList()) {
        String name = entry.text("name");
        resources.add(
            new Resource(kind.getValue(), name == null ? "(unnamed)" : name, rel, entry.line()));
        counts.merge(kind.getKey(), 1, Integer::sum);
        firstLine = firstLine == 0 ? list.line() : Math.min(firstLine, list.line());
      }
    }
    counts.remove("groups"); // a group only gathers models under an owner: nothing to run
    if (!counts.isEmpty()) {
      List<String> parts = new ArrayList<>();
      counts.forEach(
          (k, n) ->
              parts.add(n + " " + (n == 1 ? TYPES.get(k).replace('_', ' ') : k.replace('_', ' '))));
      problems.add(
          ProjectProblem.warning(
              rel,
              firstLine,
              String.join(", ", parts)
                  + " read but not run: Sluice does not run dbt's semantic layer or exposures"
                  + " (sluice ls --resource-type lists them)"));
    }
  }

  /** Every described resource of a loaded project, read again from its schema files. */
  public static List<Resource> of(Project project) {
    DescribedResources reader = new DescribedResources(new ArrayList<>());
    ProjectSettings s = project.settings();
    List<String> dirs = new ArrayList<>(s.modelPaths());
    dirs.addAll(s.seedPaths());
    dirs.addAll(s.snapshotPaths());
    for (String d : dirs) {
      Path dir = project.root().resolve(d);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f :
            walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                .sorted(Comparator.comparing(Path::toString))
                .toList()) {
          try {
            reader.read(project.root().relativize(f), Yaml.read(f));
          } catch (IOException | Yaml.SyntaxError e) {
            // the project's own problems already name this file
          }
        }
      } catch (IOException e) {
        // an unreadable folder has been reported when the project was loaded
      }
    }
    return reader.resources;
  }
}

package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the export files ({@code exports/*.yml}): a list under {@code exports:}, each with a name,
 * the model it writes out, a path and a format. Whether the model exists is checked later, once
 * every model has been read ({@link #resolve}).
 */
final class ExportFileReader {
  private static final Set<String> KEYS =
      Set.of("name", "model", "path", "format", "description", "config");

  private final List<ProjectProblem> problems;
  private final Map<String, Export> exports = new LinkedHashMap<>();

  /** The line of each export's {@code model:} value, where an unknown model is reported. */
  private final Map<String, Integer> modelLines = new LinkedHashMap<>();

  ExportFileReader(List<ProjectProblem> problems) {
    this.problems = problems;
  }

  void read(Path rel, Yaml.Value doc) {
    Yaml.Value list = doc.get("exports");
    if (list == null || !list.isList()) {
      problems.add(
          ProjectProblem.error(rel, doc.line(), "an exports file needs a list under 'exports:'"));
      return;
    }
    for (Yaml.Value entry : list.asList()) {
      Export e = export(rel, entry);
      if (e == null) {
        continue;
      }
      Export previous = exports.get(e.name());
      if (previous != null) {
        problems.add(
            ProjectProblem.error(
                rel,
                entry.line(),
                "export '"
                    + e.name()
                    + "' is defined twice (also at "
                    + previous.file().toString().replace('\\', '/')
                    + ":"
                    + previous.line()
                    + ")"));
        continue;
      }
      exports.put(e.name(), e);
      Yaml.Value model = entry.get("model");
      modelLines.put(e.name(), model.line());
    }
  }

  private Export export(Path rel, Yaml.Value entry) {
    String name = entry.text("name");
    if (name == null || name.isBlank()) {
      problems.add(ProjectProblem.error(rel, entry.line(), "an export has no name"));
      return null;
    }
    entry.asMap().keySet().stream()
        .filter(k -> !KEYS.contains(k))
        .forEach(
            k ->
                problems.add(
                    ProjectProblem.warning(
                        rel,
                        entry.get(k).line(),
                        "export '"
                            + name
                            + "': unknown key '"
                            + k
                            + "' is ignored; an export takes name, model, path, format, description and config")));
    String model = entry.text("model");
    if (model == null || model.isBlank()) {
      problems.add(
          ProjectProblem.error(
              rel, entry.line(), "export '" + name + "' names no model; add 'model: <name>'"));
      return null;
    }
    String path = entry.text("path");
    if (path == null || path.isBlank()) {
      problems.add(
          ProjectProblem.error(
              rel,
              entry.line(),
              "export '"
                  + name
                  + "' has no path; add e.g. 'path: target/exports/"
                  + name
                  + ".parquet'"));
      return null;
    }
    Path file = Path.of(path.strip());
    if (file.isAbsolute() || file.normalize().startsWith("..")) {
      problems.add(
          ProjectProblem.error(
              rel,
              entry.get("path").line(),
              "export '"
                  + name
                  + "': the path must be relative to the project folder and stay inside it"));
      return null;
    }
    Export.Format format = Export.Format.byExtension(file);
    String formatText = entry.text("format");
    if (formatText != null) {
      var given = Export.Format.of(formatText);
      if (given.isEmpty()) {
        problems.add(
            ProjectProblem.error(
                rel,
                entry.get("format").line(),
                "export '" + name + "': unknown format '" + formatText + "'; use parquet or csv"));
        return null;
      }
      format = given.get();
    }
    String description = entry.text("description");
    return new Export(
        name.strip(),
        model.strip(),
        file,
        format,
        rel,
        entry.line(),
        NodeConfig.of(SchemaFileReader.mapOf(entry.get("config"))),
        description == null ? "" : description);
  }

  /**
   * The exports whose model is one of {@code refable} (the names {@code ref()} accepts); the others
   * are reported at their {@code model:} line with the closest name.
   */
  List<Export> resolve(Set<String> refable) {
    List<Export> out = new ArrayList<>();
    for (Export e : exports.values()) {
      if (!e.config().enabled()) {
        continue;
      }
      if (refable.contains(e.model())) {
        out.add(e);
      } else {
        problems.add(
            ProjectProblem.error(
                e.file(),
                modelLines.get(e.name()),
                "export '"
                    + e.name()
                    + "': model '"
                    + e.model()
                    + "' does not match any model, seed or snapshot"
                    + Suggest.closest(e.model(), refable)));
      }
    }
    return out;
  }
}

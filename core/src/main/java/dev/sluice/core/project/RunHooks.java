package dev.sluice.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SQL a dbt project runs around a whole run: {@code on-run-start} and {@code on-run-end} in
 * {@code dbt_project.yml}, as Jinja templates still to render.
 */
public record RunHooks(List<String> onRunStart, List<String> onRunEnd) {
  public static final RunHooks NONE = new RunHooks(List.of(), List.of());

  public RunHooks {
    onRunStart = List.copyOf(onRunStart);
    onRunEnd = List.copyOf(onRunEnd);
  }

  /** Reads them from the project root; a project without them, or without the file, has none. */
  public static RunHooks read(Path root) {
    Path file = root.resolve("dbt_project.yml");
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try {
      Yaml.Value doc = Yaml.read(file);
      return new RunHooks(list(doc.get("on-run-start")), list(doc.get("on-run-end")));
    } catch (IOException | Yaml.SyntaxError e) {
      return NONE; // the project file's own reading reports what is wrong with it
    }
  }

  private static List<String> list(Yaml.Value v) {
    return v == null ? List.of() : NodeConfig.asStrings(v.plain());
  }
}

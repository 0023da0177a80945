package dev.sluice.core.edit;

import dev.sluice.core.project.Export;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Declares an export: appended to {@code exports/exports.yml} when that file exists (a project that
 * keeps its exports together), otherwise in a new {@code exports/<name>.yml}. The file goes to
 * {@code target/exports/<name>.<format>}, which a person can change in the YAML afterwards.
 */
public final class ExportEdits {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The shared file new exports join when it exists. */
  public static final String SHARED_FILE = "exports.yml";

  private ExportEdits() {}

  public static ProjectEdit newExport(
      Project project, String name, String model, Export.Format format)
      throws EditRefusedException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new EditRefusedException(
          "'"
              + name
              + "' is not a valid name: use letters, digits and _, not starting with a digit");
    }
    if (project.refable(model).isEmpty()) {
      throw new EditRefusedException(
          "there is no model, seed or snapshot named '" + model + "' to export");
    }
    Optional<Export> taken =
        project.nodesOf(Export.class).stream().filter(e -> e.name().equals(name)).findFirst();
    if (taken.isPresent()) {
      throw new EditRefusedException(
          "export " + name + " is already defined in " + taken.get().file());
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("model", model);
    entry.put("path", "target/exports/" + name + "." + format.label());
    entry.put("format", format.label());
    Path folder = project.root().resolve(ProjectLoader.EXPORT_PATH);
    Path shared = folder.resolve(SHARED_FILE);
    Path file = Files.isRegularFile(shared) ? shared : folder.resolve(name + ".yml");
    if (Files.exists(file) && !file.equals(shared)) {
      throw new EditRefusedException(project.root().relativize(file) + " already exists");
    }
    String before = read(file);
    YamlText t = new YamlText(before);
    Optional<YamlText.Key> exports = t.find(t.root(), "exports");
    if (exports.isEmpty()) {
      if (t.size() > 0 && !t.line(t.size() - 1).isBlank()) {
        t.insert(t.size(), List.of(""));
      }
      t.insert(t.size(), YamlValues.keyValue("exports", List.of(entry), 0));
    } else {
      if (t.isOneLineFlow(exports.get())) {
        throw new EditRefusedException(
            file.getFileName() + " lists its exports on one line; add " + name + " there by hand");
      }
      List<YamlText.Block> items = t.items(exports.get());
      int dash = items.isEmpty() ? 2 : YamlText.indent(t.line(items.get(0).start()));
      t.insert(exports.get().end(), YamlValues.listItem(entry, dash));
    }
    return new ProjectEdit("new export " + name, List.of(new FileChange(file, before, t.text())));
  }

  private static String read(Path f) throws EditRefusedException {
    try {
      return Files.exists(f) ? Files.readString(f) : null;
    } catch (IOException e) {
      throw new EditRefusedException("cannot read " + f + ": " + e.getMessage());
    }
  }
}

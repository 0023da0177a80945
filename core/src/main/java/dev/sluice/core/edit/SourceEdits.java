package dev.sluice.core.edit;

import dev.sluice.core.project.Project;
import dev.sluice.core.project.SourceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Declares a source table: in the file that already declares its source, or in a new {@code
 * sources/<source>.yml}. With a file path, the source gets the {@code files} connector, so Sluice
 * loads the file itself.
 */
public final class SourceEdits {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SourceEdits() {}

  /**
   * {@code path} may be null or blank: then the table is only declared (it is already in the
   * warehouse).
   */
  public static ProjectEdit newSourceTable(
      Project project, String source, String table, String path) throws EditRefusedException {
    for (String n : new String[] {source, table}) {
      if (n == null || !NAME.matcher(n).matches()) {
        throw new EditRefusedException(
            "'"
                + n
                + "' is not a valid name: use letters, digits and _, not starting with a digit");
      }
    }
    if (project.source(source, table).isPresent()) {
      throw new EditRefusedException(
          "source table "
              + source
              + "."
              + table
              + " is already declared in "
              + project.source(source, table).get().file());
    }
    boolean files = path != null && !path.isBlank();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", table);
    if (files) {
      entry.put("path", path.strip());
    }
    Optional<Path> declared =
        project.nodesOf(SourceTable.class).stream()
            .filter(s -> s.sourceName().equals(source))
            .map(SourceTable::file)
            .findFirst();
    Path file =
        project
            .root()
            .resolve(
                declared.orElse(Path.of(project.settings().sourcePaths().get(0), source + ".yml")));
    String before = read(file);
    YamlText t = new YamlText(before);
    YamlText.Block src = sourceEntry(t, source);
    if (src == null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", source);
      if (files) {
        s.put("connector", "files");
      }
      s.put("tables", List.of(entry));
      Optional<YamlText.Key> sources = t.find(t.root(), "sources");
      if (sources.isEmpty()) {
        if (t.size() > 0 && !t.line(t.size() - 1).isBlank()) {
          t.insert(t.size(), List.of(""));
        }
        t.insert(t.size(), YamlValues.keyValue("sources", List.of(s), 0));
      } else {
        List<YamlText.Block> items = t.items(sources.get());
        int dash = items.isEmpty() ? 2 : YamlText.indent(t.line(items.get(0).start()));
        t.insert(sources.get().end(), YamlValues.listItem(s, dash));
      }
    } else {
      Optional<YamlText.Key> tables = t.find(src, "tables");
      if (tables.isPresent() && t.isOneLineFlow(tables.get())) {
        throw new EditRefusedException(
            file.getFileName()
                + " lists the tables of "
                + source
                + " on one line; add "
                + table
                + " there by hand");
      }
      if (tables.isEmpty()) {
        t.insert(
            t.insertionPoint(src), YamlValues.keyValue("tables", List.of(entry), src.indent()));
      } else {
        List<YamlText.Block> items = t.items(tables.get());
        int dash =
            items.isEmpty()
                ? tables.get().indent() + 2
                : YamlText.indent(t.line(items.get(0).start()));
        t.insert(tables.get().end(), YamlValues.listItem(entry, dash));
      }
    }
    return new ProjectEdit(
        "new source table " + source + "." + table,
        List.of(new FileChange(file, before, t.text())));
  }

  private static YamlText.Block sourceEntry(YamlText t, String source) throws EditRefusedException {
    Optional<YamlText.Key> sources = t.find(t.root(), "sources");
    if (sources.isEmpty()) {
      return null;
    }
    for (YamlText.Block item : t.items(sources.get())) {
      Optional<YamlText.Key> name = t.find(item, "name");
      if (name.isPresent() && source.equals(String.valueOf(t.value(name.get())))) {
        return item;
      }
    }
    return null;
  }

  private static String read(Path f) throws EditRefusedException {
    try {
      return Files.exists(f) ? Files.readString(f) : null;
    } catch (IOException e) {
      throw new EditRefusedException("cannot read " + f + ": " + e.getMessage());
    }
  }
}

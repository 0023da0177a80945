package dev.sluice.core.edit;

import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Edits of a model's properties as the inspector makes them: materialization, tags, description,
 * column descriptions and column tests. They go into the schema file that already describes the
 * model (or a new {@code _schema.yml} beside it), changing only the lines concerned, so comments
 * and the order of everything else stay. A materialization set in the SQL's {@code config()} wins
 * in dbt, so it is changed there.
 */
public final class PropertyEdits {
  private static final Pattern MATERIALIZED =
      Pattern.compile("materialized\\s*=\\s*(['\"])([^'\"]*)\\1");
  public static final List<String> MATERIALIZATIONS =
      List.of("view", "table", "incremental", "ephemeral");

  private PropertyEdits() {}

  public static ProjectEdit setMaterialization(Project project, String model, String materialized)
      throws EditRefusedException {
    if (!MATERIALIZATIONS.contains(materialized)) {
      throw new EditRefusedException(
          "'" + materialized + "' is not a materialization: use one of " + MATERIALIZATIONS);
    }
    Model m = model(project, model);
    Path sqlFile = project.root().resolve(m.file());
    String sql = read(sqlFile);
    for (dev.sluice.core.sqltext.SqlToken tag : dev.sluice.core.sqltext.SqlTokens.of(sql)) {
      if (tag.kind() != dev.sluice.core.sqltext.SqlToken.Kind.JINJA_EXPRESSION || tag.open()) {
        continue;
      }
      java.util.Optional<int[]> args =
          dev.sluice.core.sqltext.JinjaTag.of(sql, tag).callArguments(sql, "config");
      if (args.isEmpty()) {
        continue;
      }
      int from = args.get()[0];
      Matcher mat = MATERIALIZED.matcher(sql.substring(from, args.get()[1]));
      if (mat.find()) {
        int at = from + mat.start(2);
        String after = sql.substring(0, at) + materialized + sql.substring(from + mat.end(2));
        return edit("make " + model + " a " + materialized, sqlFile, sql, after);
      }
    }
    return schemaEdit(
        project,
        m,
        "make " + model + " a " + materialized,
        (t, e) -> t.set(t.blockMap(e, "config"), "materialized", materialized, null));
  }

  /**
   * Sets the model's tags in its schema file. Tags the project file gives its folder are left out,
   * since they apply anyway (and cannot be taken away here); tags in the SQL's config() stay too.
   */
  public static ProjectEdit setTags(Project project, String model, List<String> tags)
      throws EditRefusedException {
    Model m = model(project, model);
    List<String> inherited = project.settings().folderConfig("models", m.folder(), m.name()).tags();
    List<String> clean =
        tags.stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty() && !inherited.contains(s))
            .distinct()
            .toList();
    return schemaEdit(
        project,
        m,
        "set the tags of " + model,
        (t, e) -> {
          if (clean.isEmpty()) {
            removeConfig(t, e, "tags");
          } else {
            t.set(t.blockMap(e, "config"), "tags", clean, null);
          }
        });
  }

  public static ProjectEdit setDescription(Project project, String model, String description)
      throws EditRefusedException {
    String d = description == null ? "" : description.strip();
    return schemaEdit(
        project,
        model(project, model),
        "describe " + model,
        (t, e) -> {
          if (d.isEmpty()) {
            t.remove(e, "description");
          } else {
            t.set(e, "description", d, "name");
          }
        });
  }

  public static ProjectEdit setColumnDescription(
      Project project, String model, String column, String description)
      throws EditRefusedException {
    String d = description == null ? "" : description.strip();
    return schemaEdit(
        project,
        model(project, model),
        "describe " + model + "." + column,
        (t, e) -> {
          YamlText.Block col = column(t, e, column);
          if (d.isEmpty()) {
            t.remove(col, "description");
          } else {
            t.set(col, "description", d, "name");
          }
        });
  }

  public static ProjectEdit addColumnTest(
      Project project, String model, String column, ColumnTest test) throws EditRefusedException {
    return schemaEdit(
        project,
        model(project, model),
        "test " + test.name() + " on " + model + "." + column,
        (t, e) -> {
          YamlText.Block col = column(t, e, column);
          Optional<YamlText.Key> key = t.find(col, "data_tests").or(() -> t.find(col, "tests"));
          List<Object> tests = new ArrayList<>();
          if (key.isPresent() && t.value(key.get()) instanceof List<?> l) {
            tests.addAll(l);
          }
          if (tests.contains(test.asYaml())) {
            throw new EditRefusedException(
                model + "." + column + " already has this " + test.name() + " test");
          }
          if (key.isPresent() && !t.isOneLineFlow(key.get()) && !t.items(key.get()).isEmpty()) {
            List<YamlText.Block> items = t.items(key.get());
            int dash = YamlText.indent(t.line(items.get(0).start()));
            t.insert(key.get().end(), YamlValues.listItem(test.asYaml(), dash));
          } else {
            tests.add(test.asYaml());
            t.set(col, key.map(YamlText.Key::name).orElse("data_tests"), tests, null);
          }
        });
  }

  /** Removes a test declared in a schema file (on a column or a table) from its list. */
  public static ProjectEdit removeTest(Project project, String testId) throws EditRefusedException {
    Node n = project.node(testId).orElseThrow(() -> new EditRefusedException("no test " + testId));
    if (!(n instanceof GenericTest g)) {
      throw new EditRefusedException(n.name() + " is a SQL file: delete it instead");
    }
    Path file = project.root().resolve(g.file());
    String before = read(file);
    YamlText t = new YamlText(before);
    int line = g.line() - 1;
    if (line < 0 || line >= t.size()) {
      throw new EditRefusedException(g.file() + " changed since it was read; reload and try again");
    }
    String text = t.line(line);
    if (YamlText.isDash(text) && names(text.stripLeading().substring(1).strip(), g.testName())) {
      removeItem(t, line);
    } else {
      removeFromFlowList(t, line, g);
    }
    return edit("remove test " + g.name(), file, before, t.text());
  }

  private static boolean names(String itemText, String testName) {
    return itemText.equals(testName)
        || itemText.startsWith(testName + ":")
        || itemText.startsWith(testName + " ")
        || itemText.startsWith("{" + testName + ":")
        || itemText.startsWith("'" + testName + "'")
        || itemText.startsWith("\"" + testName + "\"");
  }

  private static void removeItem(YamlText t, int line) {
    int dash = YamlText.indent(t.line(line));
    int end = t.dashItemEnd(line);
    t.replace(line, end, List.of());
    // the key that held the list: drop it when its last item went
    for (int i = line - 1; i >= 0; i--) {
      String l = t.line(i);
      if (!YamlText.isContent(l)) {
        continue;
      }
      if (YamlText.isDash(l) && YamlText.indent(l) == dash) {
        return; // an earlier item remains
      }
      boolean nextIsItem =
          line < t.size()
              && YamlText.isContent(t.line(line))
              && YamlText.isDash(t.line(line))
              && YamlText.indent(t.line(line)) == dash;
      if (!nextIsItem && !YamlText.isDash(l) && l.strip().endsWith(":")) {
        t.replace(i, i + 1, List.of());
      }
      return;
    }
  }

  private static void removeFromFlowList(YamlText t, int line, GenericTest g)
      throws EditRefusedException {
    String text = t.line(line);
    int col = YamlText.keyColumn(text);
    String rest = text.substring(col);
    int colon = rest.indexOf(':');
    String refuse =
        g.file()
            + ":"
            + g.line()
            + " is written in a way Sluice does not rewrite: remove the test there";
    if (colon < 0 || !rest.substring(colon + 1).strip().startsWith("[")) {
      throw new EditRefusedException(refuse);
    }
    String keyName = rest.substring(0, colon).strip();
    YamlText.Key key =
        new YamlText.Key(keyName, line, line + 1, col, rest.substring(colon + 1).strip());
    if (!(t.value(key) instanceof List<?> l)) {
      throw new EditRefusedException(refuse);
    }
    List<Object> tests = new ArrayList<>(l);
    boolean removed = false;
    for (int i = 0; i < tests.size() && !removed; i++) {
      Object x = tests.get(i);
      if (g.testName().equals(x) || (x instanceof Map<?, ?> m && m.containsKey(g.testName()))) {
        tests.remove(i);
        removed = true;
      }
    }
    if (!removed) {
      throw new EditRefusedException(refuse);
    }
    if (tests.isEmpty() && !YamlText.isDash(text)) {
      t.replace(line, line + 1, List.of());
    } else {
      t.replace(
          line,
          line + 1,
          List.of(
              text.substring(0, col)
                  + keyName
                  + ": "
                  + YamlValues.flow(tests)
                  + YamlText.trailingComment(text)));
    }
  }

  private static void removeConfig(YamlText t, YamlText.Block entry, String key)
      throws EditRefusedException {
    Optional<YamlText.Key> config = t.find(entry, "config");
    if (config.isEmpty()) {
      return;
    }
    t.remove(t.blockMap(entry, "config"), key);
    YamlText.Key after = t.find(t.reread(entry), "config").orElseThrow();
    if (after.end() == after.line() + 1 && after.inline().isBlank()) {
      t.remove(t.reread(entry), "config");
    }
  }

  /** The mapping of one column under the model's {@code columns:}, added when missing. */
  private static YamlText.Block column(YamlText t, YamlText.Block entry, String column)
      throws EditRefusedException {
    Optional<YamlText.Key> cols = t.find(entry, "columns");
    if (cols.isPresent() && t.isOneLineFlow(cols.get())) {
      throw new EditRefusedException(
          "the columns of this model are written on one line; edit them in the file");
    }
    if (cols.isEmpty()) {
      t.insert(t.insertionPoint(entry), List.of(" ".repeat(entry.indent()) + "columns:"));
      cols = t.find(t.reread(entry), "columns");
    }
    YamlText.Key key = cols.orElseThrow();
    List<YamlText.Block> items = t.items(key);
    for (YamlText.Block item : items) {
      Optional<YamlText.Key> name = t.find(item, "name");
      if (name.isPresent() && column.equals(String.valueOf(t.value(name.get())))) {
        return item;
      }
    }
    int dash = items.isEmpty() ? key.indent() + 2 : YamlText.indent(t.line(items.get(0).start()));
    int at = key.end();
    t.insert(at, YamlValues.listItem(Map.of("name", column), dash));
    return new YamlText.Block(at, at + 1, dash + 2);
  }

  private interface TextEdit {
    void apply(YamlText text, YamlText.Block entry) throws EditRefusedException;
  }

  private static ProjectEdit schemaEdit(Project project, Model model, String what, TextEdit change)
      throws EditRefusedException {
    Path file = schemaFileOf(project, model);
    String before = Files.exists(file) ? read(file) : null;
    YamlText t = new YamlText(before);
    YamlText.Block entry = entry(t, model.name());
    if (entry == null) {
      entry = addEntry(t, model.name(), file);
    }
    change.apply(t, entry);
    return edit(what, file, before, t.text());
  }

  /** The schema file that describes the model, or {@code _schema.yml} in its folder. */
  static Path schemaFileOf(Project project, Model model) throws EditRefusedException {
    for (String dir : project.settings().modelPaths()) {
      Path base = project.root().resolve(dir);
      if (!Files.isDirectory(base)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(base)) {
        files = s.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
      } catch (IOException e) {
        throw new EditRefusedException("cannot read " + base + ": " + e.getMessage());
      }
      for (Path f : files) {
        try {
          Yaml.Value doc = Yaml.read(f);
          Yaml.Value models = doc.get("models");
          if (models != null
              && models.asList().stream().anyMatch(v -> model.name().equals(v.text("name")))) {
            return f;
          }
        } catch (IOException | Yaml.SyntaxError e) {
          // a broken file is reported by the loader; it cannot be the one to edit
        }
      }
    }
    return project.root().resolve(model.file()).resolveSibling("_schema.yml");
  }

  private static YamlText.Block entry(YamlText t, String model) throws EditRefusedException {
    Optional<YamlText.Key> models = t.find(t.root(), "models");
    if (models.isEmpty()) {
      return null;
    }
    for (YamlText.Block item : t.items(models.get())) {
      Optional<YamlText.Key> name = t.find(item, "name");
      if (name.isPresent() && model.equals(String.valueOf(t.value(name.get())))) {
        return item;
      }
    }
    return null;
  }

  private static YamlText.Block addEntry(YamlText t, String model, Path file)
      throws EditRefusedException {
    Optional<YamlText.Key> models = t.find(t.root(), "models");
    if (models.isPresent() && t.isOneLineFlow(models.get())) {
      throw new EditRefusedException(
          file.getFileName() + " lists its models on one line; edit it by hand");
    }
    if (models.isEmpty()) {
      if (t.size() > 0 && !t.line(t.size() - 1).isBlank()) {
        t.insert(t.size(), List.of(""));
      }
      t.insert(t.size(), List.of("models:"));
      models = t.find(t.root(), "models");
    }
    List<YamlText.Block> items = t.items(models.orElseThrow());
    int dash = items.isEmpty() ? 2 : YamlText.indent(t.line(items.get(0).start()));
    int at = models.get().end();
    t.insert(at, List.of(" ".repeat(dash) + "- name: " + YamlValues.scalar(model, false)));
    return new YamlText.Block(at, at + 1, YamlText.keyColumn(t.line(at)));
  }

  private static Model model(Project project, String name) throws EditRefusedException {
    return project
        .node("model." + name)
        .filter(Model.class::isInstance)
        .map(Model.class::cast)
        .orElseThrow(() -> new EditRefusedException("no model named " + name));
  }

  private static ProjectEdit edit(String what, Path file, String before, String after)
      throws EditRefusedException {
    if (after.equals(before)) {
      throw new EditRefusedException("nothing to change: " + what + " is already so");
    }
    return new ProjectEdit(what, List.of(new FileChange(file, before, after)));
  }

  private static String read(Path f) throws EditRefusedException {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new EditRefusedException("cannot read " + f + ": " + e.getMessage());
    }
  }
}

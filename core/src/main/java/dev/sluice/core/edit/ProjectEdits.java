package dev.sluice.core.edit;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.SourceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The edits a person makes by drawing, as file changes: new nodes, edges added or removed (refs in
 * SQL), renames and deletions. Nothing is written here; the caller applies the returned edit (and
 * keeps it to undo).
 */
public final class ProjectEdits {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ProjectEdits() {}

  public static ProjectEdit newModel(Project project, String name, String folder)
      throws EditRefusedException {
    checkNewName(project, name);
    Path dir = Path.of(project.settings().modelPaths().get(0), folder == null ? "" : folder);
    return new ProjectEdit(
        "new model " + name,
        List.of(
            new FileChange(
                project.root().resolve(dir.resolve(name + ".sql")), null, RefEdits.PLACEHOLDER)));
  }

  public static ProjectEdit newSeed(Project project, String name) throws EditRefusedException {
    checkNewName(project, name);
    Path file =
        project.root().resolve(project.settings().seedPaths().get(0)).resolve(name + ".csv");
    return new ProjectEdit(
        "new seed " + name, List.of(new FileChange(file, null, "id,name\n1,example\n")));
  }

  public static ProjectEdit newTest(Project project, String name) throws EditRefusedException {
    if (!NAME.matcher(name).matches()) {
      throw new EditRefusedException(
          "'" + name + "' is not a valid name: use letters, digits and _");
    }
    Path file =
        project.root().resolve(project.settings().testPaths().get(0)).resolve(name + ".sql");
    if (Files.exists(file)) {
      throw new EditRefusedException(project.root().relativize(file) + " already exists");
    }
    return new ProjectEdit(
        "new test " + name,
        List.of(
            new FileChange(
                file,
                null,
                "-- A test passes when this query returns no rows: select the rows that break a rule.\nselect 1 as failure where false\n")));
  }

  /** Makes {@code to} (a model) read {@code from}: adds the ref or source to its SQL. */
  public static ProjectEdit connect(Manifest manifest, String fromId, String toId)
      throws EditRefusedException {
    Node from = node(manifest, fromId);
    Node to = node(manifest, toId);
    if (!(to instanceof Model model)) {
      throw new EditRefusedException(
          "only models read from other nodes; " + to.name() + " is a " + to.kind().label());
    }
    if (from.kind() == NodeKind.TEST) {
      throw new EditRefusedException("a test has no output to read");
    }
    if (from.kind() == NodeKind.EXPORT) {
      throw new EditRefusedException("an export writes a file; read its model instead");
    }
    if (fromId.equals(toId) || manifest.dag().upstream(fromId).contains(toId)) {
      throw new EditRefusedException(
          "that edge would make a cycle: " + to.name() + " already feeds " + from.name());
    }
    String read = readOf(from);
    Path file = manifest.project().root().resolve(model.file());
    String sql = read(file);
    String after = RefEdits.add(sql, read, RefEdits.aliasOf(read), model.file().toString());
    return new ProjectEdit(
        "connect " + from.name() + " to " + to.name(), List.of(new FileChange(file, sql, after)));
  }

  public static ProjectEdit disconnect(Manifest manifest, String fromId, String toId)
      throws EditRefusedException {
    Node from = node(manifest, fromId);
    Node to = node(manifest, toId);
    if (!(to instanceof Model model)) {
      throw new EditRefusedException(
          "only edges into models can be removed by drawing; "
              + to.name()
              + " is a "
              + to.kind().label()
              + " (edit its file)");
    }
    Path file = manifest.project().root().resolve(model.file());
    String sql = read(file);
    String after = RefEdits.remove(sql, readOf(from), model.file().toString());
    return new ProjectEdit(
        "disconnect " + from.name() + " from " + to.name(),
        List.of(new FileChange(file, sql, after)));
  }

  /** Renames a model: its file, every ref to it, and its entry in schema files. */
  public static ProjectEdit renameModel(Project project, String oldName, String newName)
      throws EditRefusedException {
    Node n =
        project
            .node("model." + oldName)
            .orElseThrow(() -> new EditRefusedException("no model named " + oldName));
    checkNewName(project, newName);
    List<FileChange> changes = new ArrayList<>();
    Path oldFile = project.root().resolve(n.file());
    String sql = read(oldFile);
    Path newFile = oldFile.resolveSibling(newName + ".sql");
    changes.add(new FileChange(oldFile, sql, null));
    changes.add(new FileChange(newFile, null, renameRefs(sql, oldName, newName)));
    Pattern entry =
        Pattern.compile(
            "(?m)^(\\s*-\\s*name:\\s*['\"]?)" + Pattern.quote(oldName) + "(['\"]?\\s*)$");
    // an export names the model it writes out with `model:`
    Pattern exported =
        Pattern.compile(
            "(?m)^(\\s*-?\\s*model:\\s*['\"]?)" + Pattern.quote(oldName) + "(['\"]?\\s*)$");
    Path exports = project.root().resolve(ProjectLoader.EXPORT_PATH);
    for (Path f : projectFiles(project)) {
      if (f.equals(oldFile)) {
        continue;
      }
      String text = read(f);
      String name = f.getFileName().toString();
      String changed =
          name.endsWith(".sql")
              ? renameRefs(text, oldName, newName)
              : (f.startsWith(exports) ? exported : entry)
                  .matcher(renameRefs(text, oldName, newName))
                  .replaceAll("$1" + Matcher.quoteReplacement(newName) + "$2");
      if (!changed.equals(text)) {
        changes.add(new FileChange(f, text, changed));
      }
    }
    return new ProjectEdit("rename " + oldName + " to " + newName, changes);
  }

  /** Deletes a model's, seed's or test's file. */
  public static ProjectEdit delete(Manifest manifest, String id) throws EditRefusedException {
    Node n = node(manifest, id);
    if (n.kind() == NodeKind.SOURCE
        || n instanceof dev.sluice.core.project.GenericTest
        || n.kind() == NodeKind.SNAPSHOT
        || n.kind() == NodeKind.EXPORT) {
      throw new EditRefusedException(
          n.name() + " is declared in " + n.file() + " with others; remove it there");
    }
    List<String> exports =
        manifest.dag().children(id).stream().filter(c -> c.startsWith("export.")).toList();
    if (!exports.isEmpty()) {
      throw new EditRefusedException(
          n.name()
              + " is written out by export "
              + String.join(
                  ", ", exports.stream().map(r -> r.substring(r.indexOf('.') + 1)).toList())
              + "; remove the export from its file first");
    }
    List<String> readers =
        manifest.dag().children(id).stream().filter(c -> !c.startsWith("test.")).toList();
    if (!readers.isEmpty()) {
      throw new EditRefusedException(
          n.name()
              + " is read by "
              + String.join(
                  ", ", readers.stream().map(r -> r.substring(r.indexOf('.') + 1)).toList())
              + "; remove those edges first");
    }
    Path file = manifest.project().root().resolve(n.file());
    return new ProjectEdit("delete " + n.name(), List.of(new FileChange(file, read(file), null)));
  }

  static String renameRefs(String text, String oldName, String newName) {
    return text.replaceAll(
        "ref\\(\\s*(['\"])" + Pattern.quote(oldName) + "\\1\\s*\\)",
        "ref('" + Matcher.quoteReplacement(newName) + "')");
  }

  static String readOf(Node from) {
    return from instanceof SourceTable s
        ? RefEdits.source(s.sourceName(), s.name())
        : RefEdits.ref(from.name());
  }

  private static void checkNewName(Project project, String name) throws EditRefusedException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new EditRefusedException(
          "'"
              + name
              + "' is not a valid name: use letters, digits and _, not starting with a digit");
    }
    if (project.refable(name).isPresent()) {
      throw new EditRefusedException(
          "the name '" + name + "' is already used by " + project.refable(name).get().file());
    }
  }

  private static Node node(Manifest m, String id) throws EditRefusedException {
    return m.node(id).orElseThrow(() -> new EditRefusedException("no node " + id));
  }

  private static String read(Path f) throws EditRefusedException {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new EditRefusedException("cannot read " + f + ": " + e.getMessage());
    }
  }

  private static List<Path> projectFiles(Project project) throws EditRefusedException {
    List<Path> out = new ArrayList<>();
    List<String> dirs = new ArrayList<>(project.settings().modelPaths());
    dirs.addAll(project.settings().testPaths());
    dirs.addAll(project.settings().snapshotPaths());
    dirs.addAll(project.settings().macroPaths());
    dirs.add(ProjectLoader.EXPORT_PATH);
    for (String d : dirs) {
      Path dir = project.root().resolve(d);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(sql|yml|yaml)$"))
            .forEach(out::add);
      } catch (IOException e) {
        throw new EditRefusedException("cannot read " + dir + ": " + e.getMessage());
      }
    }
    return out;
  }
}

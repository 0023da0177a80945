package dev.sluice.app.editor;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.SingularTest;
import dev.sluice.core.project.SourceTable;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the thing written at an offset of a model's text is defined: {@code ref('x')} in model x's
 * file, {@code source('s', 't')} in its YAML at its line, a macro's name in the macro's file at its
 * line. And who uses a node: the models, snapshots, tests and exports that ref it.
 */
public final class Definitions {
  /** A place to open: a file relative to the project root, at a 1-based line. */
  public record Place(Path file, int line, String nodeId, String what) {}

  private static final Pattern REF =
      Pattern.compile("\\bref\\(\\s*(['\"])([^'\"]+)\\1(?:\\s*,\\s*(['\"])([^'\"]+)\\3)?[^)]*\\)");
  private static final Pattern SOURCE =
      Pattern.compile("\\bsource\\(\\s*(['\"])([^'\"]+)\\1\\s*,\\s*(['\"])([^'\"]+)\\3\\s*\\)");

  private Definitions() {}

  /** The definition of what is written at {@code offset} of {@code text}, if it is known. */
  public static Optional<Place> at(Manifest m, String text, int offset) {
    if (m == null || text == null) {
      return Optional.empty();
    }
    int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int lineEnd = text.indexOf('\n', offset);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    int col = offset - lineStart;
    Matcher r = REF.matcher(line);
    while (r.find()) {
      if (col >= r.start() && col <= r.end()) {
        String name = r.group(4) != null ? r.group(4) : r.group(2);
        return refNamed(m, name);
      }
    }
    Matcher s = SOURCE.matcher(line);
    while (s.find()) {
      if (col >= s.start() && col <= s.end()) {
        String source = s.group(2);
        String table = s.group(4);
        return m.project().nodes().stream()
            .filter(
                n ->
                    n instanceof SourceTable t
                        && t.sourceName().equals(source)
                        && t.name().equals(table))
            .findFirst()
            .map(n -> place(n, "source " + source + "." + table));
      }
    }
    String word = wordAt(line, col);
    if (word.isEmpty()) {
      return Optional.empty();
    }
    Optional<Place> macro = macro(m.project(), word);
    return macro.isPresent() ? macro : Optional.empty();
  }

  /** The node a {@code ref()} of {@code name} means: a model, seed or snapshot. */
  static Optional<Place> refNamed(Manifest m, String name) {
    return m.project().nodes().stream()
        .filter(
            n ->
                n.name().equals(name)
                    && (n.kind() == NodeKind.MODEL
                        || n.kind() == NodeKind.SEED
                        || n.kind() == NodeKind.SNAPSHOT))
        .findFirst()
        .map(n -> place(n, n.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + name));
  }

  /** Where macro {@code word} ({@code name} or {@code package.name}) is defined. */
  static Optional<Place> macro(Project p, String word) {
    int dot = word.lastIndexOf('.');
    String name = dot < 0 ? word : word.substring(dot + 1);
    String pkg = dot < 0 ? null : word.substring(0, dot);
    Pattern def = Pattern.compile("\\{%-?\\s*macro\\s+" + Pattern.quote(name) + "\\s*\\(");
    Place found = null;
    for (Project.MacroFile f : p.macros()) {
      Matcher mm = def.matcher(f.text());
      if (!mm.find()) {
        continue;
      }
      Place place = new Place(f.file(), lineOf(f.text(), mm.start()), null, "macro " + name);
      boolean inPackage = pkg != null && f.file().toString().contains(pkg);
      boolean ownMacro = !f.file().toString().contains("dbt_packages");
      if (inPackage || (pkg == null && ownMacro)) {
        return Optional.of(place); // the project's own macro wins, as dbt dispatches it
      }
      if (found == null) {
        found = place;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The nodes that depend on {@code nodeId} by a ref or source, models first; generic tests not.
   */
  public static List<Node> usages(Manifest m, String nodeId) {
    if (m == null || nodeId == null || !m.dag().contains(nodeId)) {
      return List.of();
    }
    return m.dag().children(nodeId).stream()
        .map(id -> m.node(id).orElse(null))
        .filter(n -> n != null && (!(n instanceof DataTest) || n instanceof SingularTest))
        .sorted(Comparator.comparing((Node n) -> n.kind().ordinal()).thenComparing(Node::name))
        .toList();
  }

  private static Place place(Node n, String what) {
    return new Place(n.file(), Math.max(1, n.line()), n.uniqueId(), what);
  }

  private static String wordAt(String line, int col) {
    int a = Math.min(col, line.length());
    int b = a;
    while (a > 0 && isWord(line.charAt(a - 1))) {
      a--;
    }
    while (b < line.length() && isWord(line.charAt(b))) {
      b++;
    }
    return line.substring(a, b).replaceAll("^\\.+|\\.+$", "");
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

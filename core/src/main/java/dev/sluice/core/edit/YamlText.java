package dev.sluice.core.edit;

import dev.sluice.core.project.Yaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML file edited as text, line by line, so that everything an edit does not touch (comments,
 * order, quoting, blank lines) stays as the person wrote it. It understands block mappings and
 * block lists by their indentation; a value written in flow style ({@code {a: 1}}, {@code [x, y]})
 * is read whole and, when it must change, written again.
 */
final class YamlText {
  private static final Pattern KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)(['\"]?)([^'\":#\\s][^'\":#]*?)\\2\\s*:(?:\\s+(.*))?$");

  private final List<String> lines;
  private final boolean endsWithNewline;

  YamlText(String text) {
    String t = text == null ? "" : text;
    endsWithNewline = t.isEmpty() || t.endsWith("\n");
    lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
    if (endsWithNewline) {
      lines.remove(lines.size() - 1);
    }
  }

  String text() {
    return String.join("\n", lines) + (endsWithNewline || lines.isEmpty() ? "\n" : "");
  }

  /** A block mapping: its keys start at column {@code indent} within lines [start, end). */
  record Block(int start, int end, int indent) {}

  /**
   * A key of a mapping: its line, where its value ends (exclusive), its column and inline value
   * text.
   */
  record Key(String name, int line, int end, int indent, String inline) {}

  Block root() {
    return new Block(0, lines.size(), firstContentIndent(0, lines.size(), 0));
  }

  Optional<Key> find(Block map, String name) {
    for (int i = map.start; i < map.end; i++) {
      String l = lines.get(i);
      if (!isContent(l)) {
        continue;
      }
      boolean dash = isDash(l);
      int col = dash ? keyColumn(l) : indent(l);
      if (col != map.indent || (dash && i != map.start)) {
        continue;
      }
      Matcher m = KEY.matcher(l);
      if (m.matches() && m.group(3).strip().equals(name)) {
        return Optional.of(
            new Key(name, i, valueEnd(i, col, map.end), col, m.group(4) == null ? "" : m.group(4)));
      }
    }
    return Optional.empty();
  }

  /** The value under a key that holds a block mapping (or nothing yet). */
  Block mapOf(Key k) {
    int indent = firstContentIndent(k.line + 1, k.end, k.indent + 2);
    return new Block(k.line + 1, k.end, indent);
  }

  /** The items of a key whose value is a block list, each as the mapping it holds. */
  List<Block> items(Key k) {
    List<Integer> starts = new ArrayList<>();
    int dashIndent = -1;
    for (int i = k.line + 1; i < k.end; i++) {
      String l = lines.get(i);
      if (!isContent(l)) {
        continue;
      }
      if (dashIndent < 0) {
        dashIndent = indent(l);
      }
      if (isDash(l) && indent(l) == dashIndent) {
        starts.add(i);
      }
    }
    List<Block> out = new ArrayList<>();
    for (int s = 0; s < starts.size(); s++) {
      int start = starts.get(s);
      int end = s + 1 < starts.size() ? lastContent(start, starts.get(s + 1)) : k.end;
      out.add(new Block(start, end, keyColumn(lines.get(start))));
    }
    return out;
  }

  /** The parsed value of a key (scalar, list or map), whatever style it is written in. */
  Object value(Key k) throws EditRefusedException {
    StringBuilder snippet = new StringBuilder();
    for (int i = k.line; i < k.end; i++) {
      String l = lines.get(i);
      if (i == k.line) {
        l = " ".repeat(k.indent) + l.substring(k.indent);
      }
      snippet
          .append(
              l.length() >= k.indent && l.substring(0, k.indent).isBlank()
                  ? l.substring(k.indent)
                  : l.strip())
          .append('\n');
    }
    try {
      Yaml.Value v = Yaml.parse(snippet.toString());
      return v.get(k.name) == null ? null : v.get(k.name).plain();
    } catch (Yaml.SyntaxError e) {
      throw new EditRefusedException(
          "cannot read '" + k.name + "' at line " + (k.line + 1) + ": " + e.getMessage());
    }
  }

  /**
   * Whether a key's value is written in flow style on its own line: {@code [a, b]} or {@code {a:
   * b}}.
   */
  boolean isOneLineFlow(Key k) {
    String v = k.inline.strip();
    return (v.startsWith("[") || v.startsWith("{")) && k.end == k.line + 1;
  }

  /**
   * Sets {@code key: value} in a mapping, in place if the key is there, else at the end (or after
   * {@code after}).
   */
  void set(Block map, String name, Object value, String after) {
    Optional<Key> k = find(map, name);
    if (k.isPresent()) {
      Key key = k.get();
      String prefix = lines.get(key.line).substring(0, key.indent);
      List<String> with = YamlValues.keyValue(name, value, key.indent);
      with.set(0, prefix + with.get(0).substring(key.indent));
      if (isOneLineFlow(key) || key.end == key.line + 1) {
        with.set(0, with.get(0) + trailingComment(lines.get(key.line)));
      }
      replace(key.line, key.end, with);
      return;
    }
    int at = after == null ? -1 : find(map, after).map(Key::end).orElse(-1);
    insert(at < 0 ? insertionPoint(map) : at, YamlValues.keyValue(name, value, map.indent));
  }

  /** Removes a key and its value from a mapping; returns whether it was there. */
  boolean remove(Block map, String name) {
    Optional<Key> k = find(map, name);
    if (k.isEmpty()) {
      return false;
    }
    Key key = k.get();
    if (isDash(lines.get(key.line))) {
      // the key opens a list item: the next key (if any) takes over the dash
      int next = key.end < lines.size() ? key.end : -1;
      if (next >= 0
          && next < map.end
          && isContent(lines.get(next))
          && indent(lines.get(next)) == key.indent) {
        String dashPrefix = lines.get(key.line).substring(0, key.indent);
        lines.set(next, dashPrefix + lines.get(next).substring(key.indent));
      }
    }
    replace(key.line, key.end, List.of());
    return true;
  }

  /**
   * The mapping under {@code name}, created (or turned from flow style into a block) when needed.
   */
  Block blockMap(Block map, String name) throws EditRefusedException {
    Optional<Key> k = find(map, name);
    if (k.isEmpty()) {
      insert(insertionPoint(map), List.of(" ".repeat(map.indent) + name + ":"));
      k = find(reread(map), name);
    } else if (!k.get().inline.isBlank() && !k.get().inline.strip().startsWith("#")) {
      Object v = value(k.get());
      if (v != null && !(v instanceof Map)) {
        throw new EditRefusedException(
            "'" + name + "' at line " + (k.get().line + 1) + " is not a mapping");
      }
      String prefix = lines.get(k.get().line).substring(0, k.get().indent);
      List<String> with =
          new ArrayList<>(YamlValues.keyValue(name, v == null ? Map.of() : v, k.get().indent));
      if (v == null || ((Map<?, ?>) v).isEmpty()) {
        with = new ArrayList<>(List.of(" ".repeat(k.get().indent) + name + ":"));
      }
      with.set(0, prefix + with.get(0).substring(k.get().indent));
      replace(k.get().line, k.get().end, with);
      k = find(reread(map), name);
    }
    return mapOf(k.orElseThrow());
  }

  /** The same mapping after lines were inserted or removed inside it. */
  Block reread(Block map) {
    int end;
    if (map.start < lines.size() && isDash(lines.get(map.start))) {
      end = lastContent(map.start, dashItemEnd(map.start));
    } else {
      end = lastContent(map.start, blockEnd(map.start, map.indent));
    }
    return new Block(map.start, end, map.indent);
  }

  /** Where new keys or items go: after the last line of the block's content. */
  int insertionPoint(Block b) {
    return Math.max(b.start, lastContent(b.start, b.end));
  }

  void insert(int at, List<String> with) {
    lines.addAll(at, with);
  }

  void replace(int from, int to, List<String> with) {
    for (int i = from; i < to; i++) {
      lines.remove(from);
    }
    lines.addAll(from, with);
  }

  String line(int i) {
    return lines.get(i);
  }

  int size() {
    return lines.size();
  }

  /** The list item (a dash line and what belongs to it) that starts on line {@code i}. */
  int dashItemEnd(int i) {
    int dashIndent = indent(lines.get(i));
    for (int j = i + 1; j < lines.size(); j++) {
      String l = lines.get(j);
      if (isContent(l) && indent(l) <= dashIndent) {
        return lastContent(i, j);
      }
    }
    return lastContent(i, lines.size());
  }

  private int blockEnd(int start, int indent) {
    for (int j = start; j < lines.size(); j++) {
      String l = lines.get(j);
      if (isContent(l) && indent(l) < indent) {
        return j;
      }
    }
    return lines.size();
  }

  private int valueEnd(int keyLine, int keyIndent, int limit) {
    for (int j = keyLine + 1; j < limit; j++) {
      String l = lines.get(j);
      if (!isContent(l)) {
        continue;
      }
      int ind = indent(l);
      if (ind < keyIndent || (ind == keyIndent && !isDash(l))) {
        return lastContent(keyLine, j);
      }
    }
    return lastContent(keyLine, limit);
  }

  /**
   * One past the last content line in [from, to), or from+1 when only the first line has content.
   */
  private int lastContent(int from, int to) {
    for (int j = to - 1; j > from; j--) {
      if (isContent(lines.get(j))) {
        return j + 1;
      }
    }
    return Math.min(from + 1, Math.max(to, from));
  }

  private int firstContentIndent(int from, int to, int fallback) {
    for (int j = from; j < to; j++) {
      if (isContent(lines.get(j))) {
        return isDash(lines.get(j)) ? fallback : indent(lines.get(j));
      }
    }
    return fallback;
  }

  static boolean isContent(String l) {
    String s = l.strip();
    return !s.isEmpty() && !s.startsWith("#") && !s.equals("---");
  }

  static boolean isDash(String l) {
    String s = l.stripLeading();
    return s.equals("-") || s.startsWith("- ");
  }

  static int indent(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  static int keyColumn(String l) {
    int i = indent(l);
    if (isDash(l)) {
      i++;
      while (i < l.length() && l.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** A comment at the end of a line ({@code # ...}), outside quotes; empty when there is none. */
  static String trailingComment(String l) {
    char quote = 0;
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && i > 0 && Character.isWhitespace(l.charAt(i - 1))) {
        int s = i;
        while (s > 0 && Character.isWhitespace(l.charAt(s - 1))) {
          s--;
        }
        return l.substring(s);
      }
    }
    return "";
  }
}

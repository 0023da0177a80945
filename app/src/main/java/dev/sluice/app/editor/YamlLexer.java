package dev.sluice.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours the project's YAML (schema.yml, sources, sluice.yml, dbt_project.yml) line by line, in
 * the styles of the SQL editor: keys as keywords, quoted and block text as strings, numbers and
 * booleans as numbers, Jinja in values as Jinja, comments as comments.
 */
public final class YamlLexer {
  private static final Pattern KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z0-9_.\\-\"' ]+?)(:)(?=\\s|$)");
  private static final Pattern TOKEN =
      Pattern.compile(
          "(\\{\\{.*?\\}\\}|\\{%.*?%\\})"
              // quotes open a string only where a value starts: "order's id" is plain text
              + "|((?<![^\\s\\[{,])(?:\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?))"
              + "|((?<![\\w.])(?:-?\\d+(?:\\.\\d+)?|true|false|null|yes|no|~)(?![\\w.]))"
              + "|(\\s#.*$)",
          Pattern.CASE_INSENSITIVE);

  private YamlLexer() {}

  /** One list of runs per line; the runs of a line add up to its length. */
  public static List<List<SqlLexer.Run>> lex(String text) {
    List<List<SqlLexer.Run>> lines = new ArrayList<>();
    int from = 0;
    while (true) {
      int nl = text.indexOf('\n', from);
      String line = text.substring(from, nl < 0 ? text.length() : nl);
      lines.add(line(line));
      if (nl < 0) {
        return lines;
      }
      from = nl + 1;
    }
  }

  static List<SqlLexer.Run> line(String line) {
    List<SqlLexer.Run> out = new ArrayList<>();
    String trimmed = line.stripLeading();
    if (trimmed.startsWith("#") || trimmed.equals("---")) {
      add(out, line.length(), trimmed.startsWith("#") ? "comment" : "keyword");
      return out;
    }
    int at = 0;
    Matcher key = KEY.matcher(line);
    if (key.find()) {
      add(out, key.end(1), "");
      add(out, key.end(2) - key.start(2), "keyword");
      add(out, 1, "");
      at = key.end();
    }
    Matcher t = TOKEN.matcher(line);
    t.region(at, line.length());
    t.useTransparentBounds(true);
    while (t.find()) {
      add(out, t.start() - at, "");
      String style =
          t.group(1) != null
              ? "jinja"
              : t.group(2) != null ? "string" : t.group(3) != null ? "number" : "comment";
      add(out, t.end() - t.start(), style);
      at = t.end();
    }
    add(out, line.length() - at, "");
    return out;
  }

  private static void add(List<SqlLexer.Run> out, int length, String style) {
    if (length <= 0) {
      return;
    }
    if (!out.isEmpty() && out.get(out.size() - 1).style().equals(style)) {
      SqlLexer.Run last = out.remove(out.size() - 1);
      out.add(new SqlLexer.Run(last.length() + length, style));
    } else {
      out.add(new SqlLexer.Run(length, style));
    }
  }
}

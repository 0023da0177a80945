package dev.sluice.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Finds a second statement in compiled SQL. A model, snapshot or test is one SELECT; a {@code ;}
 * followed by more SQL (outside strings, quoted names and comments) would let a name in a schema
 * file run a statement nobody wrote as SQL, so it is refused before anything runs.
 */
public final class SingleStatement {
  private SingleStatement() {}

  /**
   * The 1-based line of a {@code ;} that has SQL after it, or empty when the SQL is one statement.
   */
  public static OptionalInt secondStatementAt(String sql) {
    int n = sql.length();
    int line = 1;
    int semicolonLine = -1;
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int end = closing(sql, i, c);
        line += count(sql, i, end);
        i = end;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        i--;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n - 1 : end + 1;
        line += count(sql, i, end);
        i = end;
        continue;
      }
      if (c == '$') {
        int tagEnd = dollarTagEnd(sql, i);
        if (tagEnd > 0) {
          String tag = sql.substring(i, tagEnd + 1);
          int end = sql.indexOf(tag, tagEnd + 1);
          end = end < 0 ? n - 1 : end + tag.length() - 1;
          line += count(sql, i, end);
          i = end;
          continue;
        }
      }
      if (c == ';') {
        if (semicolonLine < 0) {
          semicolonLine = line;
        }
        continue;
      }
      if (!Character.isWhitespace(c) && semicolonLine > 0) {
        return OptionalInt.of(semicolonLine);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The statements of a hook, or the 1-based line of a {@code ;} that its own text did not hold.
   */
  public record Split(List<String> statements, OptionalInt strayAt) {}

  /**
   * Splits rendered SQL at {@code mark}, the character that stood for each {@code ;} of the text as
   * written (see {@link #markWritten}). A mark inside a string, quoted name or comment is a plain
   * {@code ;} again. A real {@code ;} followed by more SQL came from rendering (a var, an env var,
   * a macro, a query result) and is reported instead of split at.
   */
  public static Split splitAtMarks(String sql, char mark) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = sql.length();
    int line = 1;
    int strayLine = -1;
    boolean code = false; // the statement so far holds more than comments
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      int end = i;
      boolean comment = false;
      if (c == '\'' || c == '"' || c == '`') {
        end = closing(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        end = sql.indexOf('\n', i);
        end = end < 0 ? n - 1 : end - 1;
        comment = true;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n - 1 : end + 1;
        comment = true;
      } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        String tag = sql.substring(i, tagEnd + 1);
        end = sql.indexOf(tag, tagEnd + 1);
        end = end < 0 ? n - 1 : end + tag.length() - 1;
      }
      if (end > i) {
        String quoted = sql.substring(i, end + 1);
        line += count(sql, i, end);
        if (strayLine > 0) {
          return new Split(List.of(), OptionalInt.of(strayLine));
        }
        cur.append(quoted.replace(mark, ';'));
        code |= !comment;
        i = end;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      if (c == mark) {
        add(out, cur, code);
        code = false;
        strayLine = -1;
        continue;
      }
      if (c == ';') {
        if (strayLine < 0) {
          strayLine = line;
        }
        continue;
      }
      if (!Character.isWhitespace(c) && strayLine > 0) {
        return new Split(List.of(), OptionalInt.of(strayLine));
      }
      cur.append(c);
      code |= !Character.isWhitespace(c);
    }
    add(out, cur, code);
    return new Split(List.copyOf(out), OptionalInt.empty());
  }

  /**
   * The template with each {@code ;} of its literal text (outside Jinja's tags) replaced by {@code
   * mark}, so that after rendering the statements the user wrote can be told from a {@code ;} that
   * a value brought in.
   */
  public static String markWritten(String template, char mark) {
    StringBuilder sb = new StringBuilder(template.length());
    int n = template.length();
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < n && "{%#".indexOf(template.charAt(i + 1)) >= 0) {
        char open = template.charAt(i + 1);
        String close = (open == '{' ? "}" : String.valueOf(open)) + "}";
        int end = template.indexOf(close, i + 2);
        end = end < 0 ? n : end + 2;
        sb.append(template, i, end);
        i = end - 1;
        continue;
      }
      sb.append(c == ';' ? mark : c);
    }
    return sb.toString();
  }

  /** Adds the statement unless it is only comments and blanks, which DuckDB refuses to run. */
  private static void add(List<String> out, StringBuilder cur, boolean code) {
    String s = cur.toString().strip();
    if (code) {
      out.add(s);
    }
    cur.setLength(0);
  }

  private static int closing(String sql, int open, char quote) {
    for (int i = open + 1; i < sql.length(); i++) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i++; // a doubled quote stays inside
          continue;
        }
        return i;
      }
    }
    return sql.length() - 1;
  }

  /** For {@code $tag$} or {@code $$} at {@code i}, the index of the closing {@code $}; else -1. */
  private static int dollarTagEnd(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length()
        && sql.charAt(j) == '$'
        && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
      return j;
    }
    return -1;
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int i = from; i <= to && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}

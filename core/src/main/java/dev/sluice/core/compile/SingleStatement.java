package dev.sluice.core.compile;

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

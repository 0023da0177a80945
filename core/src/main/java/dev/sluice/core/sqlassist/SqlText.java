package dev.sluice.core.sqlassist;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's source text cut into regions: template tags, comments, string literals and plain SQL.
 * Jinja renders before SQL is read, so template tags are found first, anywhere; comments and
 * strings are then found in what is left.
 */
final class SqlText {
  enum Region {
    SQL,
    TEMPLATE_EXPRESSION,
    TEMPLATE_STATEMENT,
    TEMPLATE_COMMENT,
    COMMENT,
    STRING,
    QUOTED_NAME
  }

  /**
   * A region from {@code start} to {@code end} (exclusive); {@code open} when it runs to the end
   * unclosed.
   */
  record Span(Region region, int start, int end, boolean open) {
    boolean holds(int caret) {
      return start < caret && (caret < end || (caret == end && open));
    }
  }

  private final String text;
  private final List<Span> template = new ArrayList<>();
  private final List<Span> sql = new ArrayList<>();

  SqlText(String text) {
    this.text = text;
    findTemplateTags();
    findSqlRegions();
  }

  String text() {
    return text;
  }

  /** The template tags, in order. */
  List<Span> templateTags() {
    return template;
  }

  /** The region the caret is in; a template tag wins over the SQL around it. */
  Span at(int caret) {
    for (Span s : template) {
      if (s.holds(caret)) {
        return s;
      }
    }
    for (Span s : sql) {
      if (s.holds(caret)) {
        return s;
      }
    }
    return new Span(Region.SQL, caret, caret, false);
  }

  /**
   * The text with comments (SQL and template) blanked out, so that patterns never match inside
   * them.
   */
  String withoutComments() {
    char[] out = text.toCharArray();
    for (Span s : template) {
      if (s.region() == Region.TEMPLATE_COMMENT) {
        blank(out, s);
      }
    }
    for (Span s : sql) {
      if (s.region() == Region.COMMENT) {
        blank(out, s);
      }
    }
    return new String(out);
  }

  private static void blank(char[] out, Span s) {
    for (int i = s.start(); i < s.end(); i++) {
      if (out[i] != '\n') {
        out[i] = ' ';
      }
    }
  }

  private void findTemplateTags() {
    int i = 0;
    while (i < text.length() - 1) {
      if (text.charAt(i) != '{') {
        i++;
        continue;
      }
      char c = text.charAt(i + 1);
      String close = c == '{' ? "}}" : c == '%' ? "%}" : c == '#' ? "#}" : null;
      if (close == null) {
        i++;
        continue;
      }
      Region region =
          c == '{'
              ? Region.TEMPLATE_EXPRESSION
              : c == '%' ? Region.TEMPLATE_STATEMENT : Region.TEMPLATE_COMMENT;
      int end = text.indexOf(close, i + 2);
      if (end < 0) {
        template.add(new Span(region, i, text.length(), true));
        return;
      }
      template.add(new Span(region, i, end + 2, false));
      i = end + 2;
    }
  }

  private void findSqlRegions() {
    char[] plain = text.toCharArray();
    for (Span s : template) {
      for (int k = s.start(); k < s.end(); k++) {
        plain[k] = ' ';
      }
    }
    int n = plain.length;
    int i = 0;
    while (i < n) {
      char c = plain[i];
      if (c == '-' && i + 1 < n && plain[i + 1] == '-') {
        int end = indexOf(plain, '\n', i);
        sql.add(new Span(Region.COMMENT, i, end < 0 ? n : end, true));
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && plain[i + 1] == '*') {
        int end = new String(plain).indexOf("*/", i + 2);
        sql.add(new Span(Region.COMMENT, i, end < 0 ? n : end + 2, end < 0));
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(plain, i, c);
        sql.add(
            new Span(
                c == '\'' ? Region.STRING : Region.QUOTED_NAME, i, end < 0 ? n : end + 1, end < 0));
        i = end < 0 ? n : end + 1;
      } else {
        i++;
      }
    }
  }

  private static int closingQuote(char[] s, int open, char quote) {
    int i = open + 1;
    while (i < s.length) {
      if (s[i] == quote) {
        if (i + 1 < s.length && s[i + 1] == quote) {
          i += 2; // a doubled quote stays inside
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  private static int indexOf(char[] s, char c, int from) {
    for (int i = from; i < s.length; i++) {
      if (s[i] == c) {
        return i;
      }
    }
    return -1;
  }
}

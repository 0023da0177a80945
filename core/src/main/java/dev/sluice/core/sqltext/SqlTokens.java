package dev.sluice.core.sqltext;

import dev.sluice.core.sqltext.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits SQL with Jinja into {@link SqlToken}s; every character belongs to exactly one token. */
public final class SqlTokens {
  private SqlTokens() {}

  /** The tokens of {@code text}, in order, covering it from the first character to the last. */
  public static List<SqlToken> of(CharSequence text) {
    List<SqlToken> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      SqlToken t = next(text, i);
      out.add(t);
      i = t.end();
    }
    return out;
  }

  /** The one token that starts at {@code i} (which must be inside {@code text}). */
  public static SqlToken next(CharSequence s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    if (Character.isWhitespace(c)) {
      int j = i + 1;
      while (j < n && Character.isWhitespace(s.charAt(j))) {
        j++;
      }
      return new SqlToken(Kind.SPACE, i, j);
    }
    if (startsWith(s, i, "--")) {
      int j = i + 2;
      while (j < n && s.charAt(j) != '\n') {
        j++;
      }
      return new SqlToken(Kind.LINE_COMMENT, i, j);
    }
    if (startsWith(s, i, "/*")) {
      return new SqlToken(Kind.BLOCK_COMMENT, i, close(s, i + 2, "*/"));
    }
    if (startsWith(s, i, "{{")) {
      return new SqlToken(Kind.JINJA_EXPRESSION, i, close(s, i + 2, "}}"));
    }
    if (startsWith(s, i, "{%")) {
      return new SqlToken(Kind.JINJA_STATEMENT, i, close(s, i + 2, "%}"));
    }
    if (startsWith(s, i, "{#")) {
      return new SqlToken(Kind.JINJA_COMMENT, i, close(s, i + 2, "#}"));
    }
    if (c == '\'' || c == '"') {
      return new SqlToken(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, i, quoted(s, i, c));
    }
    if (Character.isDigit(c)) {
      int j = i + 1;
      while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
        j++;
      }
      return new SqlToken(Kind.NUMBER, i, j);
    }
    if (isWordStart(c)) {
      int j = i + 1;
      while (j < n && isWordPart(s.charAt(j))) {
        j++;
      }
      return new SqlToken(Kind.WORD, i, j);
    }
    return new SqlToken(Kind.SYMBOL, i, i + 1);
  }

  public static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  public static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean startsWith(CharSequence s, int i, String what) {
    if (i + what.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < what.length(); k++) {
      if (s.charAt(i + k) != what.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The end of the closing {@code end} at or after {@code from}, or the end of the text. */
  private static int close(CharSequence s, int from, String end) {
    for (int j = from; j + end.length() <= s.length(); j++) {
      if (startsWith(s, j, end)) {
        return j + end.length();
      }
    }
    return s.length();
  }

  /** The end of a quoted run opened at {@code i}; a doubled quote stays inside. */
  private static int quoted(CharSequence s, int i, char q) {
    int j = i + 1;
    while (j < s.length()) {
      if (s.charAt(j) == q) {
        if (j + 1 < s.length() && s.charAt(j + 1) == q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return s.length();
  }
}

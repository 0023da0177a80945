package dev.sluice.core.sqltext;

import dev.sluice.core.sqltext.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL with Jinja into {@link SqlToken}s; every character belongs to exactly one token. Jinja
 * renders before SQL is read, so a Jinja tag is one token wherever it stands, inside a SQL comment
 * or string too: that comment or string is then cut into pieces around the tag.
 */
public final class SqlTokens {
  /** Receives the tokens one by one, as {@link #scan} reads them. */
  @FunctionalInterface
  public interface Sink {
    /**
     * The token of {@code kind} from {@code start} to {@code end}; {@code open} as in {@link
     * SqlToken}.
     */
    void token(Kind kind, int start, int end, boolean open);
  }

  private final CharSequence s;
  private final int n;
  private final Sink out;

  /** The comment, string or quoted name a Jinja tag cut, to go on with after the tag; or null. */
  private Kind cut;

  private SqlTokens(CharSequence s, Sink out) {
    this.s = s;
    this.n = s.length();
    this.out = out;
  }

  /** The tokens of {@code text}, in order, covering it from the first character to the last. */
  public static List<SqlToken> of(CharSequence text) {
    List<SqlToken> tokens = new ArrayList<>(text.length() / 4 + 1);
    scan(text, (kind, start, end, open) -> tokens.add(new SqlToken(kind, start, end, open)));
    return tokens;
  }

  /**
   * Reads {@code text} into {@code sink} token by token, the same tokens as {@link #of} in the same
   * order, without making a list: for a reader that looks at each token once (the highlighter).
   */
  public static void scan(CharSequence text, Sink sink) {
    SqlTokens t = new SqlTokens(text, sink);
    int i = 0;
    while (i < t.n) {
      i = t.next(i);
    }
  }

  private int next(int i) {
    if (jinjaAt(i)) {
      char c = s.charAt(i + 1);
      Kind kind =
          c == '{' ? Kind.JINJA_EXPRESSION : c == '%' ? Kind.JINJA_STATEMENT : Kind.JINJA_COMMENT;
      String close = c == '{' ? "}}" : c == '%' ? "%}" : "#}";
      int end = indexOf(close, i + 2);
      return add(kind, i, end < 0 ? n : end + 2, end < 0);
    }
    if (cut != null) {
      Kind kind = cut;
      cut = null;
      return body(kind, i, i);
    }
    char c = s.charAt(i);
    if (Character.isWhitespace(c)) {
      int j = i + 1;
      while (j < n && Character.isWhitespace(s.charAt(j))) {
        j++;
      }
      return add(Kind.SPACE, i, j, false);
    }
    if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
      return body(Kind.LINE_COMMENT, i, i + 2);
    }
    if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
      return body(Kind.BLOCK_COMMENT, i, i + 2);
    }
    if (c == '\'' || c == '"') {
      return body(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, i, i + 1);
    }
    if (Character.isDigit(c)) {
      int j = i + 1;
      while (j < n
          && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
        j++;
      }
      return add(Kind.NUMBER, i, j, false);
    }
    if (isWordStart(c)) {
      int j = i + 1;
      while (j < n && isWordPart(s.charAt(j))) {
        j++;
      }
      return add(Kind.WORD, i, j, false);
    }
    return add(Kind.SYMBOL, i, i + 1, false);
  }

  /** A comment, string or quoted name from {@code start}, its closing looked for from {@code j}. */
  private int body(Kind kind, int start, int j) {
    while (j < n) {
      if (jinjaAt(j)) {
        cut = kind;
        return add(kind, start, j, true);
      }
      char c = s.charAt(j);
      switch (kind) {
        case LINE_COMMENT -> {
          if (c == '\n') {
            return add(kind, start, j, false);
          }
        }
        case BLOCK_COMMENT -> {
          if (c == '*' && j + 1 < n && s.charAt(j + 1) == '/') {
            return add(kind, start, j + 2, false);
          }
        }
        default -> {
          char q = kind == Kind.STRING ? '\'' : '"';
          if (c == q) {
            if (j + 1 < n && s.charAt(j + 1) == q) {
              j++; // a doubled quote stays inside
            } else {
              return add(kind, start, j + 1, false);
            }
          }
        }
      }
      j++;
    }
    return add(kind, start, n, kind != Kind.LINE_COMMENT);
  }

  private int add(Kind kind, int start, int end, boolean open) {
    if (end > start) { // a line comment cut by a tag right before its newline goes on with nothing
      out.token(kind, start, end, open);
    }
    return end;
  }

  private boolean jinjaAt(int i) {
    if (s.charAt(i) != '{' || i + 1 >= n) {
      return false;
    }
    char c = s.charAt(i + 1);
    return c == '{' || c == '%' || c == '#';
  }

  private int indexOf(String what, int from) {
    for (int j = from; j + what.length() <= n; j++) {
      if (s.charAt(j) == what.charAt(0) && s.charAt(j + 1) == what.charAt(1)) {
        return j;
      }
    }
    return -1;
  }

  public static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  public static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}

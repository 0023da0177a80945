package dev.sluice.core.sqltext;

/**
 * One token of SQL with Jinja: characters {@code start} (inclusive) to {@code end} (exclusive) of
 * the text it was read from. An unclosed comment, string or tag runs to the end of the text.
 *
 * @param open whether it stops before its closing: at the end of the text, or (for a comment,
 *     string or quoted name) at a Jinja tag inside it, after which a token of the same kind goes on
 */
public record SqlToken(Kind kind, int start, int end, boolean open) {
  /** What a run of characters is. */
  public enum Kind {
    SPACE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** {@code 'text'}, with {@code ''} inside. */
    STRING,
    /** {@code "name"}, with {@code ""} inside. */
    QUOTED_NAME,
    /** A keyword or a name: letters, digits, {@code _} and {@code $}, not starting with a digit. */
    WORD,
    NUMBER,
    /** {@code {{ ... }}} */
    JINJA_EXPRESSION,
    /** {@code {% ... %}} */
    JINJA_STATEMENT,
    /** {@code {# ... #}} */
    JINJA_COMMENT,
    /** Any other single character: operators, parentheses, commas. */
    SYMBOL
  }

  /** Whether this is a Jinja tag, which Jinja reads before SQL is read. */
  public boolean isJinja() {
    return kind == Kind.JINJA_EXPRESSION
        || kind == Kind.JINJA_STATEMENT
        || kind == Kind.JINJA_COMMENT;
  }

  /** The token's characters in {@code text}. */
  public String text(CharSequence text) {
    return text.subSequence(start, end).toString();
  }

  /** Whether this is a comment or white space, which SQL reads past. */
  public boolean isTrivia() {
    return kind == Kind.SPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
  }

  /** Whether this is the word {@code word}, in any case. */
  public boolean isWord(CharSequence text, String word) {
    return kind == Kind.WORD
        && end - start == word.length()
        && text.subSequence(start, end).toString().equalsIgnoreCase(word);
  }
}

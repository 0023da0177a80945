package dev.sluice.core.sqltext;

/**
 * One token of SQL with Jinja: characters {@code start} (inclusive) to {@code end} (exclusive) of
 * the text it was read from. An unclosed comment, string or tag runs to the end of the text.
 */
public record SqlToken(Kind kind, int start, int end) {
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

package dev.sluice.app.editor;

import dev.sluice.core.sqltext.SqlKeywords;
import dev.sluice.core.sqltext.SqlToken.Kind;
import dev.sluice.core.sqltext.SqlTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL with Jinja into highlighted runs, line by line: it maps the tokens of core's one
 * SQL/Jinja tokenizer ({@link SqlTokens}) to styles, and words by core's one keyword list ({@link
 * SqlKeywords}). Plain Java and fast: it runs on a worker thread for every pause in typing. It
 * reads the tokens as the tokenizer finds them, in one pass, without a list of them; words are
 * looked up in place, only tokens that can hold a line break are searched for one, and tokens of
 * one style on a line are merged as they come. Block comments, strings and Jinja tags may span
 * lines.
 */
public final class SqlLexer {
  /** A run of {@code length} characters drawn with {@code style} (empty for plain text). */
  public record Run(int length, String style) {}

  private static final String PLAIN = "";

  private SqlLexer() {}

  /** One list of runs per line of {@code text}; the runs of a line add up to its length. */
  public static List<List<Run>> lex(String text) {
    Lines lines = new Lines(text);
    SqlTokens.scan(text, lines);
    return lines.finish();
  }

  /** The lines as the tokens come: the run being extended, and the lines finished so far. */
  private static final class Lines implements SqlTokens.Sink {
    private final String text;
    private final List<List<Run>> done;
    private List<Run> line = new ArrayList<>(8);
    private String style;
    private int length;

    Lines(String text) {
      this.text = text;
      this.done = new ArrayList<>(text.length() / 32 + 1);
    }

    @Override
    public void token(Kind kind, int start, int end, boolean open) {
      String s = style(kind, start, end);
      if (kind == Kind.WORD || kind == Kind.NUMBER || kind == Kind.SYMBOL) {
        add(s, end - start); // never holds a line break
        return;
      }
      int from = start;
      for (int nl = start; nl < end; nl++) { // only a token's own characters are looked at
        if (text.charAt(nl) == '\n') {
          add(s, nl - from);
          endLine();
          from = nl + 1;
        }
      }
      add(s, end - from);
    }

    /** How a token is drawn: a word by whether it is a keyword or a call, the rest by its kind. */
    private String style(Kind kind, int start, int end) {
      return switch (kind) {
        case LINE_COMMENT, BLOCK_COMMENT, JINJA_COMMENT -> "comment";
        case STRING -> "string";
        case QUOTED_NAME -> "identifier";
        case JINJA_EXPRESSION, JINJA_STATEMENT -> "jinja";
        case NUMBER -> "number";
        case WORD -> {
          // a word ends where the next token starts: a call is a word right before '('
          if (end < text.length() && text.charAt(end) == '(') {
            yield "function";
          }
          yield SqlKeywords.isKeyword(text, start, end) ? "keyword" : PLAIN;
        }
        default -> PLAIN;
      };
    }

    /** Adds characters in a style: they lengthen the current run when it has the same style. */
    private void add(String s, int n) {
      if (n <= 0) {
        return;
      }
      if (s != style) { // the styles are this class's constants
        flush();
        style = s;
      }
      length += n;
    }

    private void endLine() {
      flush();
      done.add(line);
      line = new ArrayList<>(8);
    }

    List<List<Run>> finish() {
      flush();
      done.add(line);
      return done;
    }

    private void flush() {
      if (length > 0) {
        line.add(new Run(length, style));
      }
      length = 0;
      style = null;
    }
  }
}

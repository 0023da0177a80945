package dev.sluice.core.sqlassist;

import dev.sluice.core.sqltext.SqlToken;
import dev.sluice.core.sqltext.SqlTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's source text cut into regions: template tags, comments, string literals and plain SQL,
 * read by the one tokenizer, {@link SqlTokens}. Jinja renders before SQL is read, so a template tag
 * is found anywhere, a comment or string around it spanning it.
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
    cut();
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

  /** Cuts the text with the one SQL/Jinja tokenizer, joining the pieces a tag cut back up. */
  private void cut() {
    Span pending = null;
    boolean pendingCut = false;
    for (SqlToken t : SqlTokens.of(text)) {
      Region region = regionOf(t.kind());
      if (t.isJinja()) {
        template.add(new Span(region, t.start(), t.end(), t.open()));
        continue;
      }
      if (pending != null && pendingCut && region == pending.region()) {
        pending = new Span(pending.region(), pending.start(), t.end(), open(t));
      } else {
        if (pending != null) {
          // a piece cut by a tag and not gone on with ends where the next token starts
          sql.add(
              pendingCut
                  ? new Span(pending.region(), pending.start(), t.start(), pending.open())
                  : pending);
        }
        pending = region == Region.SQL ? null : new Span(region, t.start(), t.end(), open(t));
      }
      pendingCut = pending != null && t.open() && t.end() < text.length();
    }
    if (pending != null) {
      // a piece cut by a tag that runs to the end is open to the end
      sql.add(
          pendingCut ? new Span(pending.region(), pending.start(), text.length(), true) : pending);
    }
  }

  /** A line comment always holds the caret at its end; the others when left unclosed. */
  private static boolean open(SqlToken t) {
    return t.kind() == SqlToken.Kind.LINE_COMMENT || t.open();
  }

  private static Region regionOf(SqlToken.Kind kind) {
    return switch (kind) {
      case JINJA_EXPRESSION -> Region.TEMPLATE_EXPRESSION;
      case JINJA_STATEMENT -> Region.TEMPLATE_STATEMENT;
      case JINJA_COMMENT -> Region.TEMPLATE_COMMENT;
      case LINE_COMMENT, BLOCK_COMMENT -> Region.COMMENT;
      case STRING -> Region.STRING;
      case QUOTED_NAME -> Region.QUOTED_NAME;
      default -> Region.SQL;
    };
  }
}

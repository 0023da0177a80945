package dev.sluice.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL with Jinja into highlighted runs, line by line. Plain Java and fast: it runs on a
 * worker thread for every pause in typing, and a 5,000-line model takes a few milliseconds. Block
 * comments, strings and Jinja tags may span lines; the lexer carries that state across.
 */
public final class SqlLexer {
  /** A run of {@code length} characters drawn with {@code style} (empty for plain text). */
  public record Run(int length, String style) {}

  static final Set<String> KEYWORDS = dev.sluice.core.sqlassist.SqlKeywords.WORDS;

  private enum State {
    CODE,
    BLOCK_COMMENT,
    STRING,
    QUOTED_ID,
    JINJA_EXPR,
    JINJA_STMT,
    JINJA_COMMENT
  }

  private SqlLexer() {}

  /** One list of runs per line of {@code text}; the runs of a line add up to its length. */
  public static List<List<Run>> lex(String text) {
    List<List<Run>> lines = new ArrayList<>();
    State state = State.CODE;
    int start = 0;
    int n = text.length();
    while (true) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      List<Run> runs = new ArrayList<>();
      state = line(text, start, end, state, runs);
      lines.add(runs);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return lines;
  }

  private static State line(String s, int from, int to, State state, List<Run> out) {
    int i = from;
    int plainStart = from;
    while (i < to) {
      switch (state) {
        case BLOCK_COMMENT:
          i = close(s, i, to, "*/");
          emit(out, plainStart, i, "comment");
          plainStart = i;
          if (endsWith(s, i, "*/")) {
            state = State.CODE;
          }
          continue;
        case STRING:
        case QUOTED_ID:
          {
            char q = state == State.STRING ? '\'' : '"';
            int closed = closeQuote(s, i, to, q);
            i = closed < 0 ? to : closed;
            emit(out, plainStart, i, state == State.STRING ? "string" : "identifier");
            plainStart = i;
            if (closed >= 0) {
              state = State.CODE;
            }
            continue;
          }
        case JINJA_EXPR:
        case JINJA_STMT:
        case JINJA_COMMENT:
          {
            String end = state == State.JINJA_EXPR ? "}}" : state == State.JINJA_STMT ? "%}" : "#}";
            i = close(s, i, to, end);
            emit(out, plainStart, i, state == State.JINJA_COMMENT ? "comment" : "jinja");
            plainStart = i;
            if (endsWith(s, i, end)) {
              state = State.CODE;
            }
            continue;
          }
        default:
          break;
      }
      char c = s.charAt(i);
      char next = i + 1 < to ? s.charAt(i + 1) : '\0';
      if (c == '-' && next == '-') {
        emit(out, plainStart, i, "");
        emit(out, i, to, "comment");
        return State.CODE;
      }
      if (c == '/' && next == '*') {
        emit(out, plainStart, i, "");
        plainStart = i;
        i += 2;
        state = State.BLOCK_COMMENT;
        continue;
      }
      if (c == '{' && (next == '{' || next == '%' || next == '#')) {
        emit(out, plainStart, i, "");
        plainStart = i;
        i += 2;
        state =
            next == '{' ? State.JINJA_EXPR : next == '%' ? State.JINJA_STMT : State.JINJA_COMMENT;
        continue;
      }
      if (c == '\'' || c == '"') {
        emit(out, plainStart, i, "");
        plainStart = i;
        i++;
        state = c == '\'' ? State.STRING : State.QUOTED_ID;
        continue;
      }
      if (Character.isDigit(c) && (i == from || !isWordChar(s.charAt(i - 1)))) {
        int j = i;
        while (j < to
            && (Character.isLetterOrDigit(s.charAt(j))
                || s.charAt(j) == '.'
                || s.charAt(j) == '_')) {
          j++;
        }
        emit(out, plainStart, i, "");
        emit(out, i, j, "number");
        plainStart = i = j;
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < to && isWordChar(s.charAt(j))) {
          j++;
        }
        String word = s.substring(i, j).toLowerCase(Locale.ROOT);
        boolean call = j < to && s.charAt(j) == '(';
        String style = KEYWORDS.contains(word) && !call ? "keyword" : call ? "function" : "";
        if (!style.isEmpty()) {
          emit(out, plainStart, i, "");
          emit(out, i, j, style);
          plainStart = j;
        }
        i = j;
        continue;
      }
      i++;
    }
    emit(out, plainStart, to, stateStyle(state));
    return state;
  }

  private static String stateStyle(State state) {
    return switch (state) {
      case CODE -> "";
      case BLOCK_COMMENT, JINJA_COMMENT -> "comment";
      case STRING -> "string";
      case QUOTED_ID -> "identifier";
      case JINJA_EXPR, JINJA_STMT -> "jinja";
    };
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Index just past {@code end} if it occurs before {@code to}, else {@code to}. */
  private static int close(String s, int i, int to, String end) {
    int k = s.indexOf(end, i);
    return k < 0 || k + end.length() > to ? to : k + end.length();
  }

  private static boolean endsWith(String s, int i, String end) {
    return i >= end.length() && s.startsWith(end, i - end.length());
  }

  /** Past the closing quote (a doubled quote is an escaped one), or -1 if the line ends first. */
  private static int closeQuote(String s, int i, int to, char q) {
    while (i < to) {
      if (s.charAt(i) == q) {
        if (i + 1 < to && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  private static void emit(List<Run> out, int from, int to, String style) {
    if (to <= from) {
      return;
    }
    if (!out.isEmpty() && out.get(out.size() - 1).style().equals(style)) {
      Run last = out.remove(out.size() - 1);
      out.add(new Run(last.length() + to - from, style));
    } else {
      out.add(new Run(to - from, style));
    }
  }
}

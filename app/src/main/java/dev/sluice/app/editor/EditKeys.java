package dev.sluice.app.editor;

/**
 * The text edits behind the editor's keys, as pure functions of text and caret so they are tested
 * without a window: auto-indent on Enter, and Ctrl+/ to comment or uncomment the selected lines.
 */
final class EditKeys {
  private EditKeys() {}

  /**
   * What Enter inserts at {@code caret}: a newline and the current line's indentation, one step
   * more after an opening bracket.
   */
  static String newlineAt(String text, int caret) {
    int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
    int i = lineStart;
    while (i < caret && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    String indent = text.substring(lineStart, i);
    String before = text.substring(lineStart, caret).stripTrailing();
    if (before.endsWith("(")) {
      indent += "  ";
    }
    return "\n" + indent;
  }

  /**
   * A replacement for lines {@code [from, to]} (offsets of a selection) that toggles {@code --}
   * comments.
   */
  record LineEdit(int start, int end, String replacement) {}

  static LineEdit toggleComment(String text, int from, int to) {
    int start = text.lastIndexOf('\n', from - 1) + 1;
    int endSearch = to > from && text.charAt(to - 1) == '\n' ? to - 1 : to;
    int end = text.indexOf('\n', endSearch);
    if (end < 0) {
      end = text.length();
    }
    String[] lines = text.substring(start, end).split("\n", -1);
    boolean allCommented = true;
    for (String line : lines) {
      if (!line.isBlank() && !line.stripLeading().startsWith("--")) {
        allCommented = false;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines.length; k++) {
      String line = lines[k];
      if (k > 0) {
        out.append('\n');
      }
      if (line.isBlank()) {
        out.append(line);
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String body = line.substring(indent);
      if (allCommented) {
        body = body.startsWith("-- ") ? body.substring(3) : body.substring(2);
      } else {
        body = "-- " + body;
      }
      out.append(line, 0, indent).append(body);
    }
    return new LineEdit(start, end, out.toString());
  }

  /**
   * The offset of the bracket matching the one at {@code pos}, or -1. Strings and comments are not
   * skipped: good enough for highlighting.
   */
  static int matchingBracket(String text, int pos) {
    if (pos < 0 || pos >= text.length()) {
      return -1;
    }
    char c = text.charAt(pos);
    String open = "([{";
    String close = ")]}";
    int o = open.indexOf(c);
    int cl = close.indexOf(c);
    if (o < 0 && cl < 0) {
      return -1;
    }
    boolean forward = o >= 0;
    char self = c;
    char other = forward ? close.charAt(o) : open.charAt(cl);
    int depth = 0;
    for (int i = pos; forward ? i < text.length() : i >= 0; i += forward ? 1 : -1) {
      char d = text.charAt(i);
      if (d == self) {
        depth++;
      } else if (d == other) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }
}

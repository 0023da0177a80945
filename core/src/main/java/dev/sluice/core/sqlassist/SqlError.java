package dev.sluice.core.sqlassist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error DuckDB found in a piece of SQL, with where it is as a character offset into that SQL.
 * DuckDB reports places two ways: {@code json_serialize_sql} gives a byte position, and a failed
 * prepare prints the line with carets under the culprit ({@code LINE 3: ...}), shortened with "..."
 * when the line is long.
 *
 * @param offset 0-based character offset into the SQL, or -1 when DuckDB did not say
 * @param length how many characters the culprit spans (0 when unknown)
 */
record SqlError(String message, int offset, int length) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LINE = Pattern.compile("^LINE (\\d+): (.*)$");
  private static final Pattern LOCATION = Pattern.compile("\\[(\\d+),\\s*(\\d+)]");

  /** DuckDB's {@code json_serialize_sql} answer as a tree; an empty object when it is not JSON. */
  static JsonNode readSerialized(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }

  /**
   * The parse error in a {@code json_serialize_sql} answer, or null when it parsed (or failed for
   * another reason).
   */
  static SqlError fromSerialized(JsonNode n, String sql) {
    if (!n.path("error").asBoolean(false) || !"parser".equals(n.path("error_type").asText())) {
      return null;
    }
    String message = n.path("error_message").asText("syntax error");
    int bytePos = -1;
    int byteLen = 0;
    Matcher loc = LOCATION.matcher(n.path("location").asText(""));
    if (loc.matches()) {
      bytePos = Integer.parseInt(loc.group(1));
      byteLen = Integer.parseInt(loc.group(2));
    } else if (n.has("position")) {
      bytePos = Integer.parseInt(n.path("position").asText("-1"));
    }
    if (bytePos < 0) {
      return new SqlError(message, -1, 0);
    }
    int start = charOffset(sql, bytePos);
    int end = charOffset(sql, bytePos + byteLen);
    return new SqlError(message, start, end - start);
  }

  /**
   * The error in a failed prepare's message. Past the parser, DuckDB prints the line and carets as
   * if the statement began at its first token (leading blank lines and comments cut off) while the
   * place itself still counts from the start of the whole text; so the line and column are read in
   * the cut text and the result is taken as an offset into the whole one.
   */
  static SqlError fromException(String exceptionMessage, String sql) {
    String base =
        exceptionMessage.startsWith("Parser Error") ? sql : sql.substring(firstToken(sql));
    String[] lines = exceptionMessage.split("\n");
    List<String> text = new ArrayList<>();
    int offset = -1;
    int length = 0;
    for (int k = 0; k < lines.length; k++) {
      Matcher m = LINE.matcher(lines[k]);
      if (m.matches()) {
        int line = Integer.parseInt(m.group(1));
        String shown = m.group(2);
        String carets = k + 1 < lines.length ? lines[k + 1] : "";
        int caret = carets.indexOf('^');
        if (caret >= 0) {
          int prefix = lines[k].length() - shown.length();
          int col = caret - prefix;
          length = (int) carets.chars().filter(c -> c == '^').count();
          offset = Math.min(sql.length(), locate(base, line, shown, col));
        }
        k++;
        continue;
      }
      if (!lines[k].isBlank()) {
        text.add(lines[k].strip());
      }
    }
    return new SqlError(String.join(" ", text), offset, length);
  }

  /**
   * The offset in {@code sql} of column {@code col} of the shown (possibly shortened) line {@code
   * line}.
   */
  private static int locate(String sql, int line, String shown, int col) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', start);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    int end = sql.indexOf('\n', start);
    String real = sql.substring(start, end < 0 ? sql.length() : end);
    int shift = 0;
    String s = shown;
    if (s.startsWith("...")) {
      s = s.substring(3);
      String probe = s.endsWith("...") ? s.substring(0, s.length() - 3) : s;
      int at = real.indexOf(probe);
      shift = at >= 0 ? at - 3 : 0;
    }
    return start + Math.max(0, Math.min(real.length(), col + shift));
  }

  /** Where the first token starts, past blanks and comments. */
  static int firstToken(String sql) {
    int i = 0;
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? sql.length() : nl + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  private static int charOffset(String sql, int bytes) {
    byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
    int b = Math.max(0, Math.min(bytes, utf8.length));
    return new String(utf8, 0, b, StandardCharsets.UTF_8).length();
  }

  /** The message without DuckDB's error-class prefix ("Binder Error: "). */
  String plainMessage() {
    return message.replaceFirst("^[A-Z][A-Za-z ]*Error: ", "");
  }
}

package dev.sluice.core.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the Jinja that dbt code writes, and Jinjava's parser refuses, into equivalent Jinjava: a
 * call on a call's result ({@code adapter.dispatch('x')(a)} becomes {@code
 * sluice_call(adapter.dispatch('x'), a)}), trailing commas in calls and literals, and Python's
 * {@code True}/{@code False}/{@code None}. Only text inside {@code {{ }}} and {@code {% %}}
 * changes, and never a line break, so line numbers stay true.
 */
final class JinjaRewrite {
  private static final java.util.regex.Pattern MACRO_TAG =
      java.util.regex.Pattern.compile("-?\\s*(macro|test)\\s");
  private static final java.util.regex.Pattern TRICKY_DEFAULT =
      java.util.regex.Pattern.compile("=\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")");

  /**
   * String defaults that Jinjava's macro tag cannot read (it splits arguments at every comma and
   * ends them at the first parenthesis), by the name they are stored under in the global scope.
   */
  private static final java.util.Map<String, String> DEFAULTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private JinjaRewrite() {}

  /** The string defaults rewritten so far, by their variable names. */
  static java.util.Map<String, String> defaults() {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    DEFAULTS.forEach((literal, name) -> out.put(name, literal));
    return out;
  }

  private static String macroDefaults(String tag) {
    java.util.regex.Matcher m = TRICKY_DEFAULT.matcher(tag);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String lit = m.group(1);
      String body = lit.substring(1, lit.length() - 1);
      if (!body.matches(".*[,()=].*")) {
        m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(m.group()));
        continue;
      }
      String value = body.replace("\\'", "'").replace("\\\"", "\"");
      String name = DEFAULTS.computeIfAbsent(value, v -> "sluice_default_" + DEFAULTS.size());
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement("=" + name));
    }
    m.appendTail(b);
    return b.toString();
  }

  static String of(String text) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    int n = text.length();
    while (i < n) {
      int open = nextOpen(text, i);
      if (open < 0) {
        out.append(text, i, n);
        break;
      }
      out.append(text, i, open);
      char kind = text.charAt(open + 1);
      if (kind == '#') {
        int end = text.indexOf("#}", open + 2);
        end = end < 0 ? n : end + 2;
        out.append(text, open, end);
        i = end;
        continue;
      }
      int end = regionEnd(text, open + 2, kind == '{' ? "}}" : "%}");
      String inner = text.substring(open + 2, end);
      if (kind == '%' && inner.strip().replace("-", "").strip().equals("raw")) {
        int close = text.indexOf("endraw", end);
        int stop = close < 0 ? n : text.indexOf("%}", close);
        stop = stop < 0 ? n : stop + 2;
        out.append(text, open, stop);
        i = stop;
        continue;
      }
      boolean macroTag = kind == '%' && MACRO_TAG.matcher(inner).lookingAt();
      if (macroTag) {
        inner = macroDefaults(inner);
      }
      if (kind == '{') {
        i = expressionWithTrim(text, out, inner, end);
        continue;
      }
      // a macro's own defaults are read by Jinjava's macro tag, which takes no parentheses there
      out.append(text, open, open + 2)
          .append(macroTag ? expression(inner, false) : expression(inner));
      i = end;
    }
    return out.toString();
  }

  /**
   * Jinjava ignores {@code {{-} and {@code -}}}: the whitespace they strip is removed here, its
   * line breaks moved inside the braces, where Jinjava ignores them and line numbers stay true.
   *
   * @return where the text continues
   */
  private static int expressionWithTrim(String text, StringBuilder out, String inner, int end) {
    String body = inner;
    int before = 0;
    if (body.startsWith("-")) {
      body = body.substring(1);
      int k = out.length();
      while (k > 0 && Character.isWhitespace(out.charAt(k - 1))) {
        if (out.charAt(k - 1) == '\n') {
          before++;
        }
        k--;
      }
      out.setLength(k);
    }
    int after = 0;
    int next = end + 2;
    if (body.endsWith("-")) {
      body = body.substring(0, body.length() - 1);
      while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
        if (text.charAt(next) == '\n') {
          after++;
        }
        next++;
      }
    }
    out.append("{{")
        .append("\n".repeat(before))
        .append(expression(body))
        .append("\n".repeat(after))
        .append("}}");
    return Math.min(next, text.length());
  }

  private static int nextOpen(String s, int from) {
    for (int i = s.indexOf('{', from); i >= 0 && i + 1 < s.length(); i = s.indexOf('{', i + 1)) {
      char c = s.charAt(i + 1);
      if (c == '{' || c == '%' || c == '#') {
        return i;
      }
    }
    return -1;
  }

  /** Where the region's closing delimiter starts, skipping string literals. */
  private static int regionEnd(String s, int from, String close) {
    for (int i = from; i < s.length(); i++) {
      if (isQuote(s.charAt(i))) {
        i = afterString(s, i) - 1;
      } else if (s.startsWith(close, i)) {
        return i;
      }
    }
    return s.length();
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  /**
   * Where the string literal that opens at {@code open} ends: just past its closing quote, a
   * backslash escaping the character after it; the end of the text when it is not closed. Every
   * scan of an expression below skips strings with this, so that quotes are read one way.
   */
  private static int afterString(String s, int open) {
    char quote = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return s.length();
  }

  /**
   * Where the bracket that opens at {@code open} closes, counting the brackets among {@code opens}
   * and {@code closes} outside strings; -1 when it does not.
   */
  private static int closing(String e, int open, String opens, String closes) {
    int depth = 0;
    for (int k = open; k < e.length(); k++) {
      char c = e.charAt(k);
      if (isQuote(c)) {
        k = afterString(e, k) - 1;
      } else if (opens.indexOf(c) >= 0) {
        depth++;
      } else if (closes.indexOf(c) >= 0) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return -1;
  }

  static String expression(String e) {
    return expression(e, true);
  }

  private static String expression(String e, boolean keywordValues) {
    String out =
        dictsWithExpressionKeys(
            elseBranches(literals(e)).replace("**kwargs", "sluice_kwargs=kwargs"));
    if (keywordValues) {
      out = keywordValues(out);
    }
    for (int guard = 0; guard < 100; guard++) {
      String next = callOnCall(out);
      if (next == null) {
        return out;
      }
      out = next;
    }
    return out;
  }

  /** Trailing commas dropped and Python's constants in Jinja's spelling, outside strings. */
  private static String literals(String e) {
    StringBuilder b = new StringBuilder(e.length());
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (isQuote(c)) {
        int end = afterString(e, i);
        b.append(e, i, end);
        i = end - 1;
      } else if (c == ',') {
        int j = i + 1;
        while (j < e.length() && Character.isWhitespace(e.charAt(j))) {
          j++;
        }
        if (j < e.length() && ")]}".indexOf(e.charAt(j)) >= 0) {
          continue;
        }
        b.append(c);
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i;
        while (j < e.length() && Character.isJavaIdentifierPart(e.charAt(j))) {
          j++;
        }
        String word = e.substring(i, j);
        boolean attribute = i > 0 && e.charAt(i - 1) == '.';
        b.append(
            attribute
                ? word
                : switch (word) {
                  case "True" -> "true";
                  case "False" -> "false";
                  case "None" -> "none";
                  default -> word;
                });
        i = j - 1;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Wraps the branch after {@code else} in parentheses: Jinjava turns {@code a if b else f(x)} into
   * {@code b ? a : f(x)}, which its parser reads as a call of the namespaced function {@code a:f}.
   */
  private static String elseBranches(String e) {
    StringBuilder b = new StringBuilder(e.length() + 8);
    int i = 0;
    String lead = e.stripLeading();
    lead = lead.startsWith("-") || lead.startsWith("+") ? lead.substring(1).stripLeading() : lead;
    int firstWordEnd = e.length() - lead.length();
    while (firstWordEnd < e.length() && Character.isJavaIdentifierPart(e.charAt(firstWordEnd))) {
      firstWordEnd++;
    }
    int depth = 0;
    java.util.Deque<Integer> depthOfWrap = new java.util.ArrayDeque<>();
    while (i < e.length()) {
      char c = e.charAt(i);
      if (isQuote(c)) {
        int end = afterString(e, i);
        b.append(e, i, end);
        i = end;
        continue;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}' || c == ',') {
        while (!depthOfWrap.isEmpty() && depthOfWrap.peek() == depth) {
          depthOfWrap.pop();
          b.append(')');
        }
        if (c != ',') {
          depth--;
        }
      } else if (c == 'e'
          && e.startsWith("else", i)
          && (i == 0 || !Character.isJavaIdentifierPart(e.charAt(i - 1)))
          && i + 4 < e.length()
          && Character.isWhitespace(e.charAt(i + 4))
          && e.lastIndexOf(" if ", i) >= firstWordEnd - 1
          && e.lastIndexOf(" if ", i) >= 0) {
        b.append("else (");
        depthOfWrap.push(depth);
        i += 4;
        continue;
      }
      b.append(c);
      i++;
    }
    String tail = "";
    String body = b.toString();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*-?\\s*$").matcher(body);
    if (!depthOfWrap.isEmpty() && m.find()) {
      tail = body.substring(m.start());
      body = body.substring(0, m.start());
    }
    return body + ")".repeat(depthOfWrap.size()) + tail;
  }

  private static final java.util.regex.Pattern PLAIN_KEY =
      java.util.regex.Pattern.compile("\\s*('[^']*'|\"[^\"]*\"|-?\\d+(\\.\\d+)?)\\s*");

  /**
   * {@code {col.name: col}}: Jinjava reads only literal dict keys, so a dict with a computed key
   * becomes {@code sluice_dict(key, value, ...)}.
   */
  private static String dictsWithExpressionKeys(String e) {
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (isQuote(c)) {
        i = afterString(e, i) - 1;
        continue;
      }
      if (c != '{') {
        continue;
      }
      int close = matchBrace(e, i);
      if (close < 0) {
        return e;
      }
      List<String> entries = splitTopLevel(e.substring(i + 1, close), ',');
      List<String> parts = new ArrayList<>();
      boolean computed = false;
      for (String entry : entries) {
        if (entry.isBlank()) {
          continue;
        }
        List<String> kv = splitTopLevel(entry, ':');
        if (kv.size() < 2) {
          parts = null;
          break;
        }
        String key = kv.get(0);
        computed |= !PLAIN_KEY.matcher(key).matches();
        parts.add(key.strip());
        parts.add(String.join(":", kv.subList(1, kv.size())).strip());
      }
      if (parts != null && computed) {
        String inner = dictsWithExpressionKeys(String.join(", ", parts));
        return e.substring(0, i)
            + "sluice_dict("
            + inner
            + ")"
            + dictsWithExpressionKeys(e.substring(close + 1));
      }
    }
    return e;
  }

  /** Where the dict that opens at {@code open} closes, or -1 (also when a ) or ] closes it). */
  private static int matchBrace(String e, int open) {
    int close = closing(e, open, "{([", "})]");
    return close >= 0 && e.charAt(close) == '}' ? close : -1;
  }

  private static List<String> splitTopLevel(String s, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (isQuote(c)) {
        k = afterString(s, k) - 1;
      } else if (c == '{' || c == '(' || c == '[') {
        depth++;
      } else if (c == '}' || c == ')' || c == ']') {
        depth--;
      } else if (c == sep && depth == 0) {
        out.add(s.substring(from, k));
        from = k + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }

  private static final java.util.regex.Pattern KEYWORD_ARGUMENT =
      java.util.regex.Pattern.compile("(?s)(\\s*[A-Za-z_][A-Za-z0-9_]*\\s*)=(?!=)(.*)");
  private static final java.util.regex.Pattern SIMPLE_VALUE =
      java.util.regex.Pattern.compile(
          "(?s)\\s*([A-Za-z_][A-Za-z0-9_.]*|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(\\.\\d+)?)\\s*");

  /**
   * A keyword argument's value in parentheses when it is more than one word: Jinjava reads {@code
   * f(b=prefix ~ '%')} as {@code (b=prefix) ~ '%'} and loses the argument.
   */
  static String keywordValues(String e) {
    if (e.indexOf('=') < 0) {
      return e;
    }
    StringBuilder b = new StringBuilder(e.length() + 8);
    int i = 0;
    while (i < e.length()) {
      char c = e.charAt(i);
      if (c == '\'' || c == '"') {
        int k = i + 1;
        while (k < e.length() && e.charAt(k) != c) {
          k += e.charAt(k) == '\\' ? 2 : 1;
        }
        int stop = Math.min(k + 1, e.length());
        b.append(e, i, stop);
        i = stop;
        continue;
      }
      if (c == '(' && callOpens(e, i)) {
        int close = matchForward(e, i);
        if (close < 0) {
          b.append(e, i, e.length());
          break;
        }
        List<String> args = splitTopLevel(e.substring(i + 1, close), ',');
        b.append('(');
        for (int k = 0; k < args.size(); k++) {
          if (k > 0) {
            b.append(',');
          }
          String arg = args.get(k);
          java.util.regex.Matcher m = KEYWORD_ARGUMENT.matcher(arg);
          if (m.matches() && !SIMPLE_VALUE.matcher(m.group(2)).matches()) {
            b.append(m.group(1)).append("=(").append(keywordValues(m.group(2))).append(')');
          } else {
            b.append(keywordValues(arg));
          }
        }
        b.append(')');
        i = close + 1;
        continue;
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  /** Whether the parenthesis at {@code at} opens a call's arguments, not a group. */
  private static boolean callOpens(String e, int at) {
    int k = at - 1;
    while (k >= 0 && Character.isWhitespace(e.charAt(k))) {
      k--;
    }
    return k >= 0
        && (Character.isJavaIdentifierPart(e.charAt(k))
            || e.charAt(k) == ')'
            || e.charAt(k) == ']');
  }

  /** One {@code f(a)(b)} rewritten, or null when there is none. */
  private static String callOnCall(String e) {
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (isQuote(c)) {
        i = afterString(e, i) - 1;
        continue;
      }
      if (c != ')') {
        continue;
      }
      int j = i + 1;
      while (j < e.length() && Character.isWhitespace(e.charAt(j))) {
        j++;
      }
      if (j >= e.length() || e.charAt(j) != '(') {
        continue;
      }
      String gap = e.substring(i + 1, j); // kept, so that line numbers stay true
      int open = matchBack(e, i);
      int close = matchForward(e, j);
      if (open < 0 || close < 0) {
        return null;
      }
      int start = open;
      while (start > 0
          && (Character.isJavaIdentifierPart(e.charAt(start - 1)) || e.charAt(start - 1) == '.')) {
        start--;
      }
      if (start == open && open > 0 && e.charAt(open - 1) == ')') {
        continue; // already a call on a call further left; rewritten on the next pass
      }
      String args = e.substring(j + 1, close);
      return e.substring(0, start)
          + "sluice_call("
          + e.substring(start, i + 1)
          + (args.isBlank() ? gap : "," + gap + args)
          + ")"
          + e.substring(close + 1);
    }
    return null;
  }

  private static int matchBack(String e, int close) {
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      char c = e.charAt(k);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return -1;
  }

  private static int matchForward(String e, int open) {
    return closing(e, open, "(", ")");
  }
}

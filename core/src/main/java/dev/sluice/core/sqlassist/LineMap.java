package dev.sluice.core.sqlassist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps places in compiled SQL back to the template the user edits. Rendering keeps most lines but
 * changes what is in them ({@code {{ ref('orders') }}} becomes {@code "main"."orders"}), drops or
 * adds lines (a {@code config()} block, a loop, a macro) and inlines ephemeral models as CTEs at
 * the top. So source lines are aligned with compiled lines by the literal text outside template
 * tags (a weighted longest common subsequence); lines that match nothing take their nearest
 * neighbours' place, and lines of an inlined model are charged to the ref that brought it in.
 */
final class LineMap {
  private static final Pattern CTE_HEADER =
      Pattern.compile(
          "^\\s*(?:with\\s+(?:recursive\\s+)?)?__sluice_cte__(\\w+) as \\($",
          Pattern.CASE_INSENSITIVE);
  private static final long MAX_CELLS = 4_000_000L;

  /**
   * A stretch of the source text.
   *
   * @param start 0-based offset, inclusive
   * @param end 0-based offset, exclusive
   * @param inlined the ephemeral model the compiled place belongs to, or null when it is this
   *     text's own
   */
  record Place(int start, int end, String inlined) {}

  private final String source;
  private final int[] sourceStarts;
  private final List<List<Piece>> pieces = new ArrayList<>();
  private final List<SqlText.Span> tags;
  private final String[] compiledLines;
  private final int[] compiledStarts;
  private final String[] inlinedAt;
  private final int[] sourceOf;

  /**
   * A run of literal text in a source line: where it starts in the source and what it says,
   * trimmed.
   */
  private record Piece(int start, String text) {}

  /** Where the pieces of one source line were found in one compiled line. */
  private record Found(int source, int compiled, int length) {}

  LineMap(String source, String compiled) {
    this.source = source;
    this.sourceStarts = lineStarts(source);
    this.tags = new SqlText(source).templateTags();
    readPieces();
    this.compiledStarts = lineStarts(compiled);
    this.compiledLines = compiled.split("\n", -1);
    this.inlinedAt = new String[compiledLines.length];
    markInlined(compiled);
    this.sourceOf = align();
  }

  /**
   * The source stretch that produced {@code length} characters at {@code offset} in the compiled
   * SQL.
   */
  Place place(int offset, int length) {
    int line = lineOf(compiledStarts, Math.max(0, offset));
    int col = Math.max(0, offset - compiledStarts[line]);
    String compiledLine = line < compiledLines.length ? compiledLines[line] : "";
    String token =
        col < compiledLine.length()
            ? compiledLine.substring(
                col, Math.min(compiledLine.length(), col + Math.max(length, 0)))
            : "";
    if (line < inlinedAt.length && inlinedAt[line] != null) {
      return placeRef(inlinedAt[line]);
    }
    int s = line < sourceOf.length ? sourceOf[line] : sourceStarts.length - 1;
    int lineStart = sourceStarts[s];
    int lineEnd = endOfLine(s);
    String sourceLine = source.substring(lineStart, lineEnd);
    List<Found> found = fit(s, compiledLine);
    // a piece of literal text the compiled place falls in
    for (Found f : found) {
      if (col >= f.compiled() && col < f.compiled() + f.length()) {
        int start = f.source() + (col - f.compiled());
        int end = Math.min(f.source() + f.length(), start + Math.max(1, length));
        if (token.isEmpty() || source.regionMatches(true, start, token, 0, end - start)) {
          return new Place(start, end, null);
        }
      }
    }
    // the token itself, written the same in the source line
    if (!token.isBlank()) {
      int at = indexOfIgnoreCase(sourceLine, token);
      if (at >= 0) {
        return new Place(lineStart + at, lineStart + at + token.length(), null);
      }
    }
    // text a template tag printed: underline the tag
    for (SqlText.Span tag : tags) {
      if (tag.region() != SqlText.Region.TEMPLATE_EXPRESSION
          || tag.end() <= lineStart
          || tag.start() >= lineEnd) {
        continue;
      }
      int before = -1;
      int after = Integer.MAX_VALUE;
      for (Found f : found) {
        if (f.source() + f.length() <= tag.start()) {
          before = Math.max(before, f.compiled() + f.length());
        } else if (f.source() >= tag.end()) {
          after = Math.min(after, f.compiled());
        }
      }
      if (col >= Math.max(before, 0) && col < after) {
        return new Place(tag.start(), Math.min(tag.end(), lineEnd), null);
      }
    }
    return wholeLine(s);
  }

  /** The source line (0-based) a compiled line came from. */
  int sourceLineOf(int compiledLine) {
    return sourceOf[Math.min(compiledLine, sourceOf.length - 1)];
  }

  private Place placeRef(String model) {
    Matcher m =
        Pattern.compile("ref\\(\\s*['\"]" + Pattern.quote(model) + "['\"]\\s*\\)").matcher(source);
    if (m.find()) {
      return new Place(m.start(), m.end(), model);
    }
    // inlined through another ephemeral model: the first ref is the best guess
    Matcher any = Pattern.compile("ref\\(\\s*['\"][\\w.-]+['\"]\\s*\\)").matcher(source);
    return any.find()
        ? new Place(any.start(), any.end(), model)
        : new Place(wholeLine(0).start(), wholeLine(0).end(), model);
  }

  Place wholeLine(int sourceLine) {
    int s = Math.max(0, Math.min(sourceLine, sourceStarts.length - 1));
    int start = sourceStarts[s];
    int end = endOfLine(s);
    while (start < end && Character.isWhitespace(source.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(source.charAt(end - 1))) {
      end--;
    }
    return new Place(start, end, null);
  }

  private int endOfLine(int line) {
    return line + 1 < sourceStarts.length ? sourceStarts[line + 1] - 1 : source.length();
  }

  private void readPieces() {
    boolean[] inTag = new boolean[source.length()];
    for (SqlText.Span t : tags) {
      for (int k = t.start(); k < t.end(); k++) {
        inTag[k] = true;
      }
    }
    for (int line = 0; line < sourceStarts.length; line++) {
      List<Piece> list = new ArrayList<>();
      int end = endOfLine(line);
      int k = sourceStarts[line];
      while (k < end) {
        if (inTag[k]) {
          k++;
          continue;
        }
        int start = k;
        while (k < end && !inTag[k]) {
          k++;
        }
        String run = source.substring(start, k);
        String trimmed = run.strip();
        if (!trimmed.isEmpty()) {
          list.add(new Piece(start + run.indexOf(trimmed), trimmed));
        }
      }
      pieces.add(list);
    }
  }

  /**
   * Lines of ephemeral models inlined as CTEs: from the first CTE header to where the last one
   * closes.
   */
  private void markInlined(String compiled) {
    int first = -1;
    int last = -1;
    for (int j = 0; j < compiledLines.length; j++) {
      if (CTE_HEADER.matcher(compiledLines[j]).matches()) {
        first = first < 0 ? j : first;
        last = j;
      }
    }
    if (first < 0) {
      return;
    }
    int open = compiledStarts[last] + compiledLines[last].lastIndexOf('(');
    int depth = 0;
    int close = compiled.length();
    for (int k = open; k < compiled.length(); k++) {
      char c = compiled.charAt(k);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        close = k;
        break;
      }
    }
    int closeLine = lineOf(compiledStarts, close);
    String model = null;
    for (int j = first; j <= Math.min(closeLine, compiledLines.length - 1); j++) {
      Matcher m = CTE_HEADER.matcher(compiledLines[j]);
      if (m.matches()) {
        model = m.group(1);
      }
      inlinedAt[j] = model;
    }
  }

  /** For each compiled line, the source line it came from. */
  private int[] align() {
    int n = pieces.size();
    int m = compiledLines.length;
    int[] out = new int[m];
    if ((long) n * m > MAX_CELLS) {
      for (int j = 0; j < m; j++) {
        out[j] = Math.min(j, n - 1);
      }
      return out;
    }
    int[][] best = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        int w = inlinedAt[j] != null ? 0 : weight(i, compiledLines[j]);
        int take = w > 0 ? w + best[i + 1][j + 1] : 0;
        best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
      }
    }
    int[] matched = new int[m];
    java.util.Arrays.fill(matched, -1);
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      int w = inlinedAt[j] != null ? 0 : weight(i, compiledLines[j]);
      if (w > 0 && best[i][j] == w + best[i + 1][j + 1]) {
        matched[j] = i;
        i++;
        j++;
      } else if (best[i + 1][j] >= best[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    for (int k = 0; k < m; k++) {
      out[k] = matched[k] >= 0 ? matched[k] : between(matched, k, n);
    }
    return out;
  }

  /**
   * An unmatched compiled line: the unmatched source lines between its matched neighbours, in step.
   */
  private static int between(int[] matched, int k, int n) {
    int prev = k - 1;
    while (prev >= 0 && matched[prev] < 0) {
      prev--;
    }
    int next = k + 1;
    while (next < matched.length && matched[next] < 0) {
      next++;
    }
    int from = prev >= 0 ? matched[prev] : -1;
    int to = next < matched.length ? matched[next] : n;
    if (to - from > 1) {
      return Math.min(from + 1 + (k - prev - 1), to - 1);
    }
    return Math.max(0, Math.min(n - 1, from >= 0 ? from : to));
  }

  /** How well a source line explains a compiled line: 0 when not at all. */
  private int weight(int sourceLine, String compiledLine) {
    List<Piece> ps = pieces.get(sourceLine);
    String trimmed = compiledLine.strip();
    if (ps.isEmpty()) {
      boolean blank = source.substring(sourceStarts[sourceLine], endOfLine(sourceLine)).isBlank();
      return blank && trimmed.isEmpty() ? 1 : 0;
    }
    int total = 0;
    for (Piece p : ps) {
      total += p.text().length();
    }
    int found = 0;
    for (Found f : fit(sourceLine, compiledLine)) {
      found += f.length();
    }
    if (found == 0 || found * 2 < total) {
      return 0;
    }
    // among lines that hold the same text, prefer the one it fills
    int cover = trimmed.isEmpty() ? 0 : Math.min(10, 10 * found / trimmed.length());
    return 10 * found + cover;
  }

  private List<Found> fit(int sourceLine, String compiledLine) {
    List<Found> out = new ArrayList<>();
    int from = 0;
    for (Piece p : pieces.get(sourceLine)) {
      String text = p.text();
      int at = compiledLine.indexOf(text, from);
      int shift = 0;
      if (at < 0 && text.toLowerCase(Locale.ROOT).startsWith("with ")) {
        // inlined CTEs take over a leading WITH: "with a as (" compiles to "a as ("
        String rest = text.substring(5).stripLeading();
        shift = text.length() - rest.length();
        text = rest;
        at = compiledLine.indexOf(text, from);
      }
      if (at >= 0) {
        out.add(new Found(p.start() + shift, at, text.length()));
        from = at + text.length();
      }
    }
    return out;
  }

  private static int[] lineStarts(String s) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) == '\n') {
        starts.add(k + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] starts, int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static int indexOfIgnoreCase(String hay, String needle) {
    int at = hay.indexOf(needle);
    return at >= 0 ? at : hay.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
  }
}

package dev.sluice.app.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.Subscription;

/**
 * Keeps a code area's colours in step with its text. The worker keeps its own copy of the text,
 * edited change by change, and lexes it after each pause in typing; back on the FX thread only the
 * lines whose colours differ from the last pass are restyled (found by comparing the passes from
 * both ends), so a keystroke in a 5,000-line file restyles one line and never copies the text on
 * the FX thread. Error underlines are laid over the colours the same way.
 */
public final class Highlighting {
  /** An underlined range with its message, in offsets of the area's text. */
  public record Mark(int start, int end, String style, String message) {}

  private final CodeArea area;
  private final Executor worker;
  private final Runnable afterApply;
  private final java.util.function.Function<String, List<List<SqlLexer.Run>>> lexer;

  /** The text as the worker knows it; touched only on the worker. */
  private final StringBuilder shadow = new StringBuilder();

  private List<List<SqlLexer.Run>> lines = List.of();
  private List<List<SqlLexer.Run>> applied = List.of();
  private List<Mark> marks = List.of();
  private List<Mark> appliedMarks = List.of();
  private long version;
  private long lastApplyNanos;
  private long passes;
  private final Subscription subscription;

  Highlighting(CodeArea area, Executor worker, Runnable afterApply) {
    this(area, worker, afterApply, SqlLexer::lex);
  }

  /** Colours with {@code lexer} instead of SQL's (YAML files). */
  Highlighting(
      CodeArea area,
      Executor worker,
      Runnable afterApply,
      java.util.function.Function<String, List<List<SqlLexer.Run>>> lexer) {
    this.lexer = lexer;
    this.area = area;
    this.worker = worker;
    this.afterApply = afterApply;
    Subscription edits =
        area.plainTextChanges()
            .subscribe(
                change -> {
                  version++;
                  int at = change.getPosition();
                  int removed = change.getRemoved().length();
                  String inserted = change.getInserted();
                  worker.execute(() -> shadow.replace(at, at + removed, inserted));
                });
    Subscription pauses =
        area.multiPlainChanges()
            .successionEnds(java.time.Duration.ofMillis(25))
            .subscribe(ignore -> refresh());
    subscription = edits.and(pauses);
  }

  /** Lexes the worker's copy of the text and applies the result if the text has not moved on. */
  void refresh() {
    long asked = version;
    worker.execute(
        () -> {
          List<List<SqlLexer.Run>> lexed = lexer.apply(shadow.toString());
          Platform.runLater(
              () -> {
                if (asked == version) {
                  lines = lexed;
                  apply();
                }
              });
        });
  }

  /** Lexes and applies on the calling thread, for a newly opened file. */
  void refreshNow() {
    lines = lexer.apply(area.getText());
    applied = List.of();
    apply();
  }

  void setMarks(List<Mark> marks) {
    this.marks = List.copyOf(marks);
    apply();
  }

  List<Mark> marks() {
    return marks;
  }

  /** The mark under a text offset, if any. */
  Mark markAt(int offset) {
    for (Mark m : marks) {
      if (offset >= m.start() && offset < Math.max(m.end(), m.start() + 1)) {
        return m;
      }
    }
    return null;
  }

  long passes() {
    return passes;
  }

  /** How long the last restyle took on the FX thread, for the editor benchmark. */
  long lastApplyNanos() {
    return lastApplyNanos;
  }

  private void apply() {
    long start = System.nanoTime();
    try {
      restyle();
    } finally {
      lastApplyNanos = System.nanoTime() - start;
      passes++;
    }
  }

  /** Restyles the lines between the unchanged head and tail of this pass against the last one. */
  private void restyle() {
    if (area.getParagraphs().size() != lines.size()) {
      return; // the text moved on; the next pass will catch up
    }
    int n = lines.size();
    int old = applied.size();
    boolean marksChanged = !marks.equals(appliedMarks);
    int head = 0;
    while (head < n && head < old && lines.get(head).equals(applied.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < n - head
        && tail < old - head
        && lines.get(n - 1 - tail).equals(applied.get(old - 1 - tail))) {
      tail++;
    }
    java.util.BitSet dirty = new java.util.BitSet(n);
    dirty.set(head, n - tail);
    int[] starts = null;
    if (marksChanged || !marks.isEmpty()) {
      starts = lineStarts();
      for (Mark m : appliedMarks) {
        markLines(m, starts, dirty);
      }
      for (Mark m : marks) {
        markLines(m, starts, dirty);
      }
    }
    for (int p = dirty.nextSetBit(0); p >= 0 && p < n; p = dirty.nextSetBit(p + 1)) {
      int length = area.getParagraph(p).length();
      List<SqlLexer.Run> runs = lines.get(p);
      if (total(runs) != length) {
        return; // the area holds text this pass did not lex
      }
      if (length == 0) {
        continue;
      }
      int lineStart = starts == null ? 0 : starts[p];
      List<Mark> lineMarks = starts == null ? List.of() : marksIn(lineStart, lineStart + length);
      area.setStyleSpans(p, 0, spans(runs, lineMarks, lineStart));
    }
    applied = lines;
    appliedMarks = marks;
    afterApply.run();
  }

  private int[] lineStarts() {
    int[] starts = new int[lines.size()];
    int offset = 0;
    for (int p = 0; p < lines.size(); p++) {
      starts[p] = offset;
      offset += total(lines.get(p)) + 1;
    }
    return starts;
  }

  private static void markLines(Mark m, int[] starts, java.util.BitSet dirty) {
    int first = lineAt(starts, m.start());
    int last = lineAt(starts, Math.max(m.start(), m.end() - 1));
    dirty.set(first, last + 1);
  }

  private static int lineAt(int[] starts, int offset) {
    int i = java.util.Arrays.binarySearch(starts, offset);
    return Math.max(0, i >= 0 ? i : -i - 2);
  }

  private List<Mark> marksIn(int from, int to) {
    List<Mark> in = new ArrayList<>();
    for (Mark m : marks) {
      int end = Math.max(m.end(), m.start() + 1);
      if (m.start() < to && end > from || (m.start() == to && from == to)) {
        in.add(m);
      }
    }
    return in;
  }

  private static int total(List<SqlLexer.Run> runs) {
    int n = 0;
    for (SqlLexer.Run r : runs) {
      n += r.length();
    }
    return n;
  }

  private static StyleSpans<Collection<String>> spans(
      List<SqlLexer.Run> runs, List<Mark> marks, int lineStart) {
    StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
    for (SqlLexer.Run r : runs) {
      b.add(r.style().isEmpty() ? List.of() : List.of(r.style()), r.length());
    }
    StyleSpans<Collection<String>> spans = b.create();
    for (Mark m : marks) {
      int from = Math.max(0, m.start() - lineStart);
      int to = Math.min(spans.length(), Math.max(m.end(), m.start() + 1) - lineStart);
      if (to <= from) {
        continue;
      }
      StyleSpansBuilder<Collection<String>> over = new StyleSpansBuilder<>();
      if (from > 0) {
        over.add(List.of(), from);
      }
      over.add(List.of(m.style()), to - from);
      if (spans.length() > to) {
        over.add(List.of(), spans.length() - to);
      }
      spans =
          spans.overlay(
              over.create(),
              (base, extra) -> {
                if (extra.isEmpty()) {
                  return base;
                }
                List<String> both = new ArrayList<>(base);
                both.addAll(extra);
                return both;
              });
    }
    return spans;
  }

  void dispose() {
    subscription.unsubscribe();
  }
}

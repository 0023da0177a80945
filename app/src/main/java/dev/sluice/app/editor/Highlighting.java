package dev.sluice.app.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.Subscription;

/**
 * Keeps a code area's colours in step with its text. The lexer runs on a worker thread after each
 * pause in typing; back on the FX thread only the lines whose colours changed are restyled, found
 * by the identity of RichTextFX's immutable paragraphs, so a keystroke in a 5,000-line file
 * restyles one line, not 5,000. Error underlines are laid over the colours the same way.
 */
public final class Highlighting {
  /** An underlined range with its message, in offsets of the area's text. */
  public record Mark(int start, int end, String style, String message) {}

  private final CodeArea area;
  private final Executor worker;
  private final Runnable afterApply;
  private Map<Paragraph<Collection<String>, String, Collection<String>>, LineKey> applied = new IdentityHashMap<>();
  private List<List<SqlLexer.Run>> lines = List.of();
  private List<Mark> marks = List.of();
  private long version;
  private long lastApplyNanos;
  private long passes;
  private final Subscription subscription;

  private record LineKey(List<SqlLexer.Run> runs, List<Mark> marks) {}

  Highlighting(CodeArea area, Executor worker, Runnable afterApply) {
    this.area = area;
    this.worker = worker;
    this.afterApply = afterApply;
    subscription = area.multiPlainChanges()
        .successionEnds(java.time.Duration.ofMillis(25))
        .subscribe(ignore -> refresh());
    area.multiPlainChanges().subscribe(ignore -> version++);
  }

  /** Lexes the current text off the FX thread and applies the result if the text is still the same. */
  void refresh() {
    long asked = ++version;
    String text = area.getText();
    worker.execute(() -> {
      List<List<SqlLexer.Run>> lexed = SqlLexer.lex(text);
      Platform.runLater(() -> {
        if (asked == version) {
          lines = lexed;
          apply();
        }
      });
    });
  }

  /** Lexes and applies on the calling thread, for a newly opened file. */
  void refreshNow() {
    lines = SqlLexer.lex(area.getText());
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

  /** How long the last restyle took on the FX thread, for the editor benchmark. */
  long passes() {
    return passes;
  }

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

  private void restyle() {
    var paragraphs = area.getParagraphs();
    if (paragraphs.size() != lines.size()) {
      return; // the text moved on; the next refresh will catch up
    }
    Map<Paragraph<Collection<String>, String, Collection<String>>, LineKey> next = new IdentityHashMap<>();
    int offset = 0;
    for (int p = 0; p < lines.size(); p++) {
      var paragraph = paragraphs.get(p);
      int length = paragraph.length();
      List<SqlLexer.Run> runs = lines.get(p);
      if (total(runs) != length) {
        return;
      }
      List<Mark> lineMarks = marksIn(offset, offset + length);
      LineKey key = new LineKey(runs, lineMarks);
      if (!Objects.equals(applied.get(paragraph), key) && length > 0) {
        area.setStyleSpans(p, 0, spans(runs, lineMarks, offset));
        paragraph = area.getParagraphs().get(p);
      }
      next.put(paragraph, key);
      offset += length + 1;
    }
    applied = next;
    afterApply.run();
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

  private static StyleSpans<Collection<String>> spans(List<SqlLexer.Run> runs, List<Mark> marks, int lineStart) {
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
      spans = spans.overlay(over.create(), (base, extra) -> {
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

package dev.sluice.app.bench;

import dev.sluice.app.editor.SqlLexer;
import dev.sluice.core.sqltext.SqlTokens;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The highlighter benchmark (not a test; no display needed): the time the editor's worker takes to
 * turn the editor benchmark's 5,000-line model into coloured runs, against the time core's
 * tokenizer alone takes to read the same text. Each is warmed up for some seconds first (the JIT
 * compiles slowly on a loaded machine), then timed 300 times; the thread's CPU time is reported
 * beside the wall time, since on a loaded machine the wall time mostly measures waiting for a core.
 * See docs/benchmarks.md for the command.
 */
public final class HighlightBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HighlightBenchmark() {}

  public static void main(String[] args) {
    int warmSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String text = EditorBenchmark.model();
    double[] lex = median(warmSeconds, () -> SqlLexer.lex(text).size());
    double[] tokens = median(warmSeconds, () -> SqlTokens.of(text).size());
    System.out.printf(
        Locale.ROOT,
        "highlight a %,d-line model (%,d characters): median %.2f ms CPU (%.2f ms wall);"
            + " the tokenizer alone %.2f ms CPU (%.2f ms wall); ratio %.2fx%n",
        EditorBenchmark.LINES,
        text.length(),
        lex[0],
        lex[1],
        tokens[0],
        tokens[1],
        lex[0] / tokens[0]);
  }

  /** The median CPU and wall milliseconds of 300 timed calls, after warming up. */
  private static double[] median(int warmSeconds, IntSupplier work) {
    long sink = 0;
    long warm = System.nanoTime();
    while (System.nanoTime() - warm < warmSeconds * 1_000_000_000L) {
      sink += work.getAsInt();
    }
    int rounds = 300;
    long[] cpu = new long[rounds];
    long[] wall = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      sink += work.getAsInt();
      wall[i] = System.nanoTime() - t;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
    }
    if (sink == 42) {
      System.out.println(); // keeps the work from being optimised away
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    return new double[] {cpu[rounds / 2] / 1e6, wall[rounds / 2] / 1e6};
  }
}

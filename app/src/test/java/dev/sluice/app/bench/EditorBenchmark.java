package dev.sluice.app.bench;

import dev.sluice.app.editor.EditorTab;
import dev.sluice.app.window.MainWindow;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The editor benchmark (not a test), in a real window: the time from Ctrl+Enter to the first rows
 * drawn for {@code select * from} a ten-million-row table, and the FX thread's work per keystroke
 * while typing into a 5,000-line SQL file. See docs/benchmarks.md for the command.
 */
public final class EditorBenchmark {
  static final CountDownLatch DONE = new CountDownLatch(1);
  static final int ROWS = 10_000_000;
  static final int LINES = 5_000;

  public static void main(String[] args) throws Exception {
    new Thread(() -> Application.launch(Window.class), "fx-launch").start();
    DONE.await(10, TimeUnit.MINUTES);
    Platform.exit();
    System.exit(0);
  }

  private EditorBenchmark() {}

  /** A model of {@link #LINES} lines of SQL with Jinja, comments and strings, as typed into. */
  static String model() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < LINES / 5; i++) {
      sb.append("select c.customer_id, sum(o.amount) as total -- line ")
          .append(i)
          .append('\n')
          .append("from {{ ref('orders') }} o join customers c on c.id = o.customer_id\n")
          .append("where o.status <> 'returned' and o.amount > ")
          .append(i)
          .append('\n')
          .append("group by 1\n")
          .append("/* a comment */ union all\n");
    }
    return sb.toString();
  }

  /**
   * The measured window; nested, because a main class extending Application fails on the class
   * path.
   */
  public static final class Window extends Application {
    private MainWindow window;
    private final List<Long> firstRows = new ArrayList<>();
    private final List<Long> keystrokes = new ArrayList<>();
    private final List<Long> inserts = new ArrayList<>();
    private final List<Long> restyles = new ArrayList<>();

    @Override
    public void start(Stage stage) throws Exception {
      Path dir = Files.createTempDirectory("sluice-editor-bench");
      Files.writeString(dir.resolve("sluice.yml"), "name: editor_bench\n");
      Files.createDirectories(dir.resolve("models"));
      Files.writeString(dir.resolve("models/answer.sql"), "select 42 as answer\n");
      try (DuckDbWarehouse w =
          DuckDbWarehouse.open(dir.resolve("target/editor_bench.duckdb").toString())) {
        w.jdbi()
            .useHandle(
                h ->
                    h.execute(
                        "create table big as select range as id, 'customer ' || range as name,"
                            + " range % 97 as bucket, now()::timestamp - to_seconds(range) as at from range("
                            + ROWS
                            + ")"));
      }
      Application.setUserAgentStylesheet(
          new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
      window = new MainWindow(stage, dark -> {});
      stage.show();
      window.open(dir);
      waitFor(() -> window.workbench().project().manifestProperty().get() != null, this::query);
    }

    /**
     * Ctrl+Enter on {@code select * from big}, five times after one warm-up; the clock stops at the
     * frame after the rows arrive.
     */
    private void query() {
      EditorTab tab = window.workbench().sql().newQuery();
      tab.editor().load("select * from big");
      runQuery(tab, 6);
    }

    private void runQuery(EditorTab tab, int left) {
      if (left == 0) {
        report(
            "Ctrl+Enter to first rows drawn, select * from a "
                + String.format(Locale.ROOT, "%,d", ROWS)
                + "-row table",
            firstRows.subList(1, firstRows.size()));
        typing();
        return;
      }
      long t0 = System.nanoTime();
      tab.results().rows().clear();
      tab.run();
      waitFor(
          () -> !tab.results().rows().isEmpty(),
          () -> {
            firstRows.add(System.nanoTime() - t0);
            runQuery(tab, left - 1);
          });
    }

    /**
     * Types 200 characters into the middle of a 5,000-line file, one per frame, each followed by
     * its restyle.
     */
    private void typing() {
      EditorTab tab = window.workbench().sql().newQuery();
      tab.editor().load(model());
      var area = tab.editor().area();
      area.moveTo(LINES / 2, 10);
      new AnimationTimer() {
        int typed;
        long waitingFor = -1;
        long insertNanos;

        @Override
        public void handle(long now) {
          if (waitingFor >= 0) {
            if (tab.editor().highlightPasses() <= waitingFor) {
              return;
            }
            keystrokes.add(insertNanos + tab.editor().lastHighlightNanos());
            inserts.add(insertNanos);
            restyles.add(tab.editor().lastHighlightNanos());
            waitingFor = -1;
          }
          if (typed == 200) {
            stop();
            report(
                "keystroke in a "
                    + String.format(Locale.ROOT, "%,d", LINES)
                    + "-line file (insert + restyle on the FX thread)",
                keystrokes);
            report("  of which the insert and its listeners", inserts);
            report("  of which the restyle", restyles);
            DONE.countDown();
            return;
          }
          long passes = tab.editor().highlightPasses();
          long t = System.nanoTime();
          area.insertText(area.getCaretPosition(), typed % 7 == 6 ? " " : "x");
          insertNanos = System.nanoTime() - t;
          typed++;
          waitingFor = passes;
        }
      }.start();
    }

    private static void report(String what, List<Long> nanos) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      double median = sorted.get(sorted.size() / 2) / 1e6;
      double p95 =
          sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)) / 1e6;
      double max = sorted.get(sorted.size() - 1) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%s: median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)%n",
          what,
          median,
          p95,
          max,
          sorted.size());
    }

    /** Calls {@code then} on the first frame after {@code ready} holds. */
    private static void waitFor(java.util.function.BooleanSupplier ready, Runnable then) {
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          if (ready.getAsBoolean()) {
            stop();
            then.run();
          }
        }
      }.start();
    }
  }
}

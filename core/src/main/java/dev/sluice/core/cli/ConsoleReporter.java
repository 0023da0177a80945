package dev.sluice.core.cli;

import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunEvent;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Prints a run as it goes: a line per node as it finishes, then a summary and the failures. */
final class ConsoleReporter implements RunListener {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int WIDTH = 72;
  private final PrintWriter out;
  private final boolean color;

  ConsoleReporter(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
  }

  @Override
  public synchronized void on(RunEvent event) {
    if (event instanceof RunEvent.RunStarted s) {
      out.println(
          clock()
              + "  Running "
              + s.command()
              + " with "
              + s.nodeIds().size()
              + " node"
              + (s.nodeIds().size() == 1 ? "" : "s"));
      out.flush();
    } else if (event instanceof RunEvent.NodeFinished f) {
      nodeLine(f.result(), f.index(), f.total());
    } else if (event instanceof RunEvent.NodeRetrying r) {
      out.println(
          clock()
              + "  RETRY "
              + r.nodeId()
              + ": attempt "
              + r.attempt()
              + " of "
              + r.of()
              + " failed ("
              + r.message()
              + "); next in "
              + dev.sluice.core.run.DurationText.format(r.delay()));
      out.flush();
    } else if (event instanceof RunEvent.RunFinished f) {
      summary(f.summary());
    }
  }

  private void nodeLine(NodeResult r, int index, int total) {
    String counter = index + " of " + total;
    String what =
        switch (r.status()) {
          case SUCCESS -> r.message() + (r.rows() >= 0 ? " (" + r.rows() + " rows)" : "");
          case PASS, WARN, FAIL ->
              r.status().label().toUpperCase(Locale.ROOT)
                  + " "
                  + r.name()
                  + (r.rows() > 0 ? " (" + r.rows() + " failing)" : "");
          case ERROR -> "ERROR in " + r.kind() + " " + r.name();
          case SKIPPED -> "SKIP " + r.kind() + " " + r.name();
          case CANCELLED -> "CANCELLED " + r.kind() + " " + r.name();
        };
    String line = counter + " " + what + " ";
    String dots = line.length() < WIDTH ? ".".repeat(WIDTH - line.length()) : "";
    String tag =
        switch (r.status()) {
          case SUCCESS -> paint("OK", "32");
          case PASS -> paint("PASS", "32");
          case WARN -> paint("WARN", "33");
          case FAIL -> paint("FAIL", "31");
          case ERROR -> paint("ERROR", "31");
          case SKIPPED -> paint("SKIP", "33");
          case CANCELLED -> paint("CANCELLED", "33");
        };
    out.println(
        clock() + "  " + line + dots + " [" + tag + " in " + seconds(r.durationMillis()) + "]");
    out.flush();
  }

  private void summary(RunSummary s) {
    Map<NodeStatus, Integer> c = s.counts();
    out.println();
    boolean any = false;
    for (NodeResult r : s.results()) {
      if (r.status() == NodeStatus.ERROR
          || r.status() == NodeStatus.FAIL
          || r.status() == NodeStatus.WARN) {
        if (!any) {
          out.println(s.failed() ? "Problems:" : "Warnings:");
          any = true;
        }
        String who = r.kind() + " " + r.name() + ": ";
        // a load's message names its source and table already
        out.println(
            "  "
                + r.status().label().toUpperCase(Locale.ROOT)
                + " "
                + (r.message() != null && r.message().startsWith("source ") ? "" : who)
                + r.message());
        for (Map<String, Object> row : r.sample()) {
          out.println("      " + row);
        }
      }
    }
    if (any) {
      out.println();
    }
    int ok = c.getOrDefault(NodeStatus.SUCCESS, 0) + c.getOrDefault(NodeStatus.PASS, 0);
    out.println(
        "Done"
            + (s.cancelled() ? " (cancelled)" : "")
            + " in "
            + seconds(s.durationMillis())
            + ". OK="
            + ok
            + " WARN="
            + c.getOrDefault(NodeStatus.WARN, 0)
            + " ERROR="
            + (c.getOrDefault(NodeStatus.ERROR, 0) + c.getOrDefault(NodeStatus.FAIL, 0))
            + " SKIP="
            + (c.getOrDefault(NodeStatus.SKIPPED, 0) + c.getOrDefault(NodeStatus.CANCELLED, 0))
            + " TOTAL="
            + s.results().size());
    out.flush();
  }

  private String paint(String text, String code) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  private static String clock() {
    return LocalTime.now().format(CLOCK);
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.2fs", ms / 1000.0);
  }
}

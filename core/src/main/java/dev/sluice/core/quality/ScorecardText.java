package dev.sluice.core.quality;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The scorecard as a table for a terminal: one line per table, then the failing checks. */
public final class ScorecardText {
  private static final String BARS = "▁▂▃▄▅▆▇█";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ScorecardText() {}

  public static String render(String project, Scorecard card) {
    StringBuilder sb = new StringBuilder();
    if (card.tables().isEmpty()) {
      return "No check results yet for "
          + project
          + ": run `sluice build` or `sluice test` first, then `sluice quality`.\n";
    }
    sb.append("Quality scorecard for ")
        .append(project)
        .append(": ")
        .append(card.tables().size())
        .append(" tables, ")
        .append(card.checks())
        .append(" checks, last recorded ")
        .append(WHEN.format(card.lastRecorded()))
        .append("\n\n");
    int width =
        Math.max(5, card.tables().stream().mapToInt(t -> t.name().length()).max().orElse(5));
    String head =
        String.format(
            Locale.ROOT,
            "%-" + width + "s  %-12s %6s %6s %6s %6s %6s %6s  %s",
            "table",
            "overall",
            "compl",
            "uniq",
            "valid",
            "consis",
            "timely",
            "checks",
            "trend");
    sb.append(head).append('\n').append("-".repeat(head.length())).append('\n');
    for (Scorecard.TableScore t : card.tables()) {
      sb.append(
              String.format(
                  Locale.ROOT,
                  "%-" + width + "s  %-12s %6s %6s %6s %6s %6s %6d  %s",
                  t.name(),
                  Math.round(t.overall()) + " " + t.grade(),
                  cell(t, Category.COMPLETENESS),
                  cell(t, Category.UNIQUENESS),
                  cell(t, Category.VALIDITY),
                  cell(t, Category.CONSISTENCY),
                  cell(t, Category.TIMELINESS),
                  t.checks().size(),
                  spark(t.trend().stream().map(Scorecard.Point::score).toList())))
          .append('\n');
    }
    sb.append('\n')
        .append("Overall: ")
        .append(Math.round(card.overall()))
        .append(" (")
        .append(card.grade())
        .append(")   trend ")
        .append(spark(card.trend().stream().map(Scorecard.Point::score).toList()))
        .append('\n');
    List<Scorecard.CheckScore> failing =
        card.tables().stream().flatMap(t -> t.failing().stream()).toList();
    if (!failing.isEmpty()) {
      sb.append("\nChecks not passing:\n");
      for (Scorecard.CheckScore c : failing) {
        QualityHistory.CheckResult r = c.result();
        sb.append(
                String.format(
                    Locale.ROOT,
                    "  %-5s %-" + width + "s  %-12s %s: %s",
                    r.status().toUpperCase(Locale.ROOT),
                    Scorecard.name(r.nodeId()),
                    r.category().label(),
                    r.checkName(),
                    r.rowsChecked() > 0 && Category.countsRows(r.testName())
                        ? r.failures() + " of " + r.rowsChecked() + " rows"
                        : String.valueOf(r.message())))
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static String cell(Scorecard.TableScore t, Category c) {
    Double v = t.categories().get(c);
    return v == null ? "-" : String.valueOf(Math.round(v));
  }

  /** A sparkline of scores on a 0-100 scale. */
  public static String spark(List<Double> scores) {
    StringBuilder sb = new StringBuilder();
    for (double s : scores) {
      int i = (int) Math.round(Math.max(0, Math.min(100, s)) / 100.0 * (BARS.length() - 1));
      sb.append(BARS.charAt(i));
    }
    return sb.toString();
  }
}

package dev.sluice.core.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores per table, from the checks' latest outcomes in the quality history.
 *
 * <p>A check that counts rows scores {@code 100 × (1 − failing rows / rows checked)}; a check with
 * one verdict for the whole table (row_count, recency, freshness, anomaly) scores 100 when it
 * passes, 50 when it warns and 0 when it fails; a check that could not run scores 0. A category's
 * score is the mean of its checks; a table's overall score is the weighted mean of the categories
 * it has checks in; the project's is the mean of its tables'.
 *
 * @param tables the tables with checks, worst first
 * @param trend the project's overall score after each of the recent runs, oldest first
 */
public record Scorecard(
    List<TableScore> tables,
    double overall,
    String grade,
    List<Point> trend,
    Instant lastRecorded,
    int checks) {

  /** One check's latest outcome and its score. */
  public record CheckScore(QualityHistory.CheckResult result, double score) {}

  /** A score after one run. */
  public record Point(String runId, Instant at, double score) {}

  /**
   * One table's scorecard.
   *
   * @param categories the score of each category the table has checks in
   */
  public record TableScore(
      String nodeId,
      String name,
      Map<Category, Double> categories,
      double overall,
      String grade,
      List<CheckScore> checks,
      List<Point> trend) {

    public List<CheckScore> failing() {
      return checks.stream().filter(c -> !c.result().status().equals("pass")).toList();
    }
  }

  /** Scores the newest outcome of each check in {@code history} (oldest first, as read). */
  public static Scorecard of(List<QualityHistory.CheckResult> history, QualitySettings settings) {
    Map<String, QualityHistory.CheckResult> latest = new LinkedHashMap<>();
    Map<String, List<QualityHistory.CheckResult>> byRun = new LinkedHashMap<>();
    for (QualityHistory.CheckResult r : history) {
      latest.put(r.checkId(), r);
      byRun.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r);
    }
    // a table's trend: after each run, its score with the outcomes known by then
    Map<String, List<Point>> trends = new TreeMap<>();
    List<Point> projectTrend = new ArrayList<>();
    Map<String, QualityHistory.CheckResult> known = new LinkedHashMap<>();
    for (Map.Entry<String, List<QualityHistory.CheckResult>> run : byRun.entrySet()) {
      run.getValue().forEach(r -> known.put(r.checkId(), r));
      Instant at = run.getValue().get(run.getValue().size() - 1).recordedAt();
      List<TableScore> now = tables(known, settings, Map.of());
      for (TableScore t : now) {
        boolean touched = run.getValue().stream().anyMatch(r -> r.nodeId().equals(t.nodeId()));
        if (touched) {
          trends
              .computeIfAbsent(t.nodeId(), k -> new ArrayList<>())
              .add(new Point(run.getKey(), at, t.overall()));
        }
      }
      projectTrend.add(new Point(run.getKey(), at, mean(now)));
    }
    List<TableScore> tables = tables(latest, settings, trends);
    double overall = mean(tables);
    Instant last = history.isEmpty() ? null : history.get(history.size() - 1).recordedAt();
    return new Scorecard(
        tables,
        overall,
        settings.grade(overall),
        keepLast(projectTrend, settings.trendRuns()),
        last,
        latest.size());
  }

  private static List<TableScore> tables(
      Map<String, QualityHistory.CheckResult> latest,
      QualitySettings settings,
      Map<String, List<Point>> trends) {
    Map<String, List<CheckScore>> byTable = new TreeMap<>();
    for (QualityHistory.CheckResult r : latest.values()) {
      byTable.computeIfAbsent(r.nodeId(), k -> new ArrayList<>()).add(new CheckScore(r, score(r)));
    }
    List<TableScore> out = new ArrayList<>();
    for (Map.Entry<String, List<CheckScore>> e : byTable.entrySet()) {
      Map<Category, double[]> sums = new EnumMap<>(Category.class);
      for (CheckScore c : e.getValue()) {
        double[] s = sums.computeIfAbsent(c.result().category(), k -> new double[2]);
        s[0] += c.score();
        s[1]++;
      }
      Map<Category, Double> categories = new EnumMap<>(Category.class);
      double weighted = 0;
      double weights = 0;
      for (Map.Entry<Category, double[]> s : sums.entrySet()) {
        double score = s.getValue()[0] / s.getValue()[1];
        categories.put(s.getKey(), score);
        double w = settings.weights().getOrDefault(s.getKey(), 1.0);
        weighted += w * score;
        weights += w;
      }
      double overall = weights == 0 ? 100 : weighted / weights;
      out.add(
          new TableScore(
              e.getKey(),
              name(e.getKey()),
              categories,
              overall,
              settings.grade(overall),
              e.getValue(),
              keepLast(trends.getOrDefault(e.getKey(), List.of()), settings.trendRuns())));
    }
    out.sort(
        (a, b) ->
            a.overall() != b.overall()
                ? Double.compare(a.overall(), b.overall())
                : a.name().compareTo(b.name()));
    return out;
  }

  /** The score of one outcome; see the class comment. */
  public static double score(QualityHistory.CheckResult r) {
    if (r.status().equals("error")) {
      return 0;
    }
    if (!Category.countsRows(r.testName()) || r.rowsChecked() <= 0) {
      return switch (r.status()) {
        case "pass" -> 100;
        case "warn" -> 50;
        default -> r.rowsChecked() == 0 && Category.countsRows(r.testName()) ? 100 : 0;
      };
    }
    double share = Math.min(r.failures(), r.rowsChecked()) / (double) r.rowsChecked();
    return 100 * (1 - share);
  }

  /** {@code model.orders} reads as {@code orders}; a source as {@code shop.orders}. */
  static String name(String nodeId) {
    int dot = nodeId.indexOf('.');
    return dot < 0 ? nodeId : nodeId.substring(dot + 1);
  }

  private static double mean(List<TableScore> tables) {
    return tables.isEmpty()
        ? 100
        : tables.stream().mapToDouble(TableScore::overall).average().orElse(100);
  }

  private static <T> List<T> keepLast(List<T> list, int n) {
    return List.copyOf(list.subList(Math.max(0, list.size() - n), list.size()));
  }
}

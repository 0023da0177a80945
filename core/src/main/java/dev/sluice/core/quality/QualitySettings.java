package dev.sluice.core.quality;

import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code quality:} block of the project file: how much history to keep and how the scorecard
 * weighs and grades.
 *
 * <pre>
 * quality:
 *   keep_runs: 100          # runs of metrics and check results kept in _sluice
 *   trend_runs: 10          # runs a trend shows
 *   weights: {completeness: 1, uniqueness: 1, validity: 1, consistency: 1, timeliness: 1}
 *   thresholds: {good: 90, fair: 70}
 * </pre>
 */
public record QualitySettings(
    int keepRuns, int trendRuns, Map<Category, Double> weights, double good, double fair) {

  public static QualitySettings defaults() {
    Map<Category, Double> w = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      w.put(c, 1.0);
    }
    return new QualitySettings(100, 10, w, 90, 70);
  }

  /** good, fair or poor. */
  public String grade(double score) {
    return score >= good ? "good" : score >= fair ? "fair" : "poor";
  }

  /**
   * Reads the block from {@code sluice.yml} or {@code dbt_project.yml} in {@code root}.
   *
   * @throws IllegalArgumentException naming the file and line of a value that is not a number
   */
  public static QualitySettings read(Path root) {
    Path file = root.resolve("sluice.yml");
    if (!Files.exists(file)) {
      file = root.resolve("dbt_project.yml");
    }
    QualitySettings d = defaults();
    if (!Files.exists(file)) {
      return d;
    }
    Yaml.Value doc;
    try {
      doc = Yaml.read(file);
    } catch (IOException | Yaml.SyntaxError e) {
      return d; // the project loader reports a broken project file
    }
    Yaml.Value q = doc == null || !doc.isMap() ? null : doc.get("quality");
    if (q == null || !q.isMap()) {
      return d;
    }
    String name = file.getFileName().toString();
    int keep = (int) number(name, q, "keep_runs", d.keepRuns());
    int trend = (int) number(name, q, "trend_runs", d.trendRuns());
    Map<Category, Double> weights = new EnumMap<>(d.weights());
    Yaml.Value w = q.get("weights");
    if (w != null && w.isMap()) {
      for (String k : w.asMap().keySet()) {
        Category c;
        try {
          c = Category.of(k);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              ProjectProblem.error(
                      Path.of(name),
                      w.get(k).line(),
                      "quality.weights: '"
                          + k
                          + "' is not one of completeness, uniqueness, validity, consistency,"
                          + " timeliness")
                  .toString());
        }
        weights.put(c, number(name, w, k, 1));
      }
    }
    Yaml.Value t = q.get("thresholds");
    double good = t == null ? d.good() : number(name, t, "good", d.good());
    double fair = t == null ? d.fair() : number(name, t, "fair", d.fair());
    return new QualitySettings(Math.max(1, keep), Math.max(1, trend), weights, good, fair);
  }

  private static double number(String file, Yaml.Value map, String key, double fallback) {
    Yaml.Value v = map.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(String.valueOf(v.plain()).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          ProjectProblem.error(
                  Path.of(file), v.line(), "quality." + key + " must be a number, not " + v.plain())
              .toString());
    }
  }
}

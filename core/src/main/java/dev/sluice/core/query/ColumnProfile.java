package dev.sluice.core.query;

import java.util.List;

/**
 * One column's profile.
 *
 * @param distinct the count of distinct non-null values: exact when {@code distinctExact}, else
 *     DuckDB's estimate
 * @param bars a histogram (numeric columns) or the most frequent values (everything else)
 * @param histogram whether {@code bars} are ranges of a numeric column rather than top values
 * @param distinctExact whether {@code distinct} was counted rather than estimated
 */
public record ColumnProfile(
    String name,
    String type,
    double nullPercent,
    long distinct,
    String min,
    String max,
    String mean,
    List<Bar> bars,
    boolean histogram,
    boolean distinctExact) {

  public ColumnProfile {
    bars = List.copyOf(bars);
  }

  /** One bar of a chart: a value or range, and how many rows have it. */
  public record Bar(String label, long count) {}
}

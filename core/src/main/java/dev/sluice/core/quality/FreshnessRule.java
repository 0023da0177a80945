package dev.sluice.core.quality;

import dev.sluice.core.project.SourceTable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A source table's freshness rule, in dbt's syntax: {@code freshness: {warn_after: {count: 12,
 * period: hour}, error_after: {...}, filter: ...}} with {@code loaded_at_field}. A table's own
 * {@code freshness} replaces its source's, and {@code freshness: null} turns it off.
 *
 * @param loadedAtField the column (or expression) of load times; for tables Sluice loads it
 *     defaults to {@code _sluice_loaded_at}
 */
public record FreshnessRule(
    Threshold warnAfter, Threshold errorAfter, String filter, String loadedAtField) {

  /** {@code count} periods: minute, hour or day. */
  public record Threshold(long count, String period) {
    public Duration duration() {
      return switch (period) {
        case "minute" -> Duration.ofMinutes(count);
        case "hour" -> Duration.ofHours(count);
        default -> Duration.ofDays(count);
      };
    }

    @Override
    public String toString() {
      return count + " " + period + (count == 1 ? "" : "s");
    }
  }

  /** The rule of a table, empty when it has none (or its thresholds are both unset). */
  @SuppressWarnings("unchecked")
  public static Optional<FreshnessRule> of(SourceTable table) {
    Object f = table.config().get("freshness");
    if (!(f instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    Map<String, Object> map = (Map<String, Object>) m;
    Threshold warn = threshold(table, map.get("warn_after"));
    Threshold error = threshold(table, map.get("error_after"));
    if (warn == null && error == null) {
      return Optional.empty();
    }
    String field = table.config().string("loaded_at_field");
    if (field == null && table.isLoaded()) {
      field = "_sluice_loaded_at";
    }
    Object filter = map.get("filter");
    return Optional.of(
        new FreshnessRule(warn, error, filter == null ? null : filter.toString(), field));
  }

  private static Threshold threshold(SourceTable table, Object v) {
    if (!(v instanceof Map<?, ?> m) || m.get("count") == null) {
      return null;
    }
    String period = String.valueOf(m.get("period") == null ? "hour" : m.get("period"));
    period = period.toLowerCase(Locale.ROOT).replaceAll("s$", "");
    if (!java.util.Set.of("minute", "hour", "day").contains(period)) {
      throw new IllegalArgumentException(
          table.file()
              + ":"
              + table.line()
              + ": source "
              + table.qualifiedName()
              + ": freshness period '"
              + period
              + "' must be minute, hour or day");
    }
    return new Threshold(Long.parseLong(String.valueOf(m.get("count")).trim()), period);
  }
}

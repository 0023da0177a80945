package dev.sluice.core.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a project file writes them: {@code 500ms}, {@code 30s}, {@code 30m}, {@code 6h},
 * {@code 1d}, or a plain number of seconds.
 */
public final class DurationText {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private DurationText() {}

  /** Empty when the text is not a duration. */
  public static Optional<Duration> parse(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return n.longValue() >= 0 ? Optional.of(Duration.ofSeconds(n.longValue())) : Optional.empty();
    }
    Matcher m = FORM.matcher(value.toString().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return Optional.of(
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofSeconds(n);
        });
  }

  /** {@code 30s}, {@code 5m}, {@code 2h}: the shortest exact form. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  static final String EXPECTED = "a duration such as 30s, 5m, 2h or 1d";
}

package dev.sluice.core.orchestrate;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Keeps the selected nodes within {@code maxStaleness} of their last good build: when one would go
 * stale, it and its upstreams are built; when one is past it, a freshness alert goes out.
 */
public record FreshnessRule(String select, Duration maxStaleness, Path file, int line) {
  /** A node is built once it is this old, a tenth before the limit, so it never passes it. */
  public Duration buildAt() {
    return maxStaleness.minus(maxStaleness.dividedBy(10));
  }

  public String trigger() {
    return "freshness " + select;
  }
}

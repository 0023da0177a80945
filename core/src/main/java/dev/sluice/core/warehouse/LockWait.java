package dev.sluice.core.warehouse;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * What to do when another process holds the DuckDB file: fail at once, or wait up to a timeout,
 * saying who holds it.
 *
 * @param progress receives a line saying who is waited for, then one every half minute
 */
public record LockWait(Duration timeout, Consumer<String> progress) {
  public static final LockWait NO_WAIT = new LockWait(Duration.ZERO, line -> {});

  public static LockWait upTo(Duration timeout, Consumer<String> progress) {
    return new LockWait(timeout, progress);
  }

  public boolean waits() {
    return !timeout.isZero() && !timeout.isNegative();
  }
}

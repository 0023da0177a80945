package dev.sluice.core.run;

import java.util.Locale;

/** How a node ended. Models, seeds and loads succeed or error; tests pass, warn or fail. */
public enum NodeStatus {
  SUCCESS,
  ERROR,
  SKIPPED,
  PASS,
  WARN,
  FAIL,
  CANCELLED;

  /** Whether this outcome makes the run fail (exit code 1). */
  public boolean failsRun() {
    return this == ERROR || this == FAIL;
  }

  /** Whether nodes downstream must be skipped. */
  public boolean blocksDownstream() {
    return this == ERROR || this == FAIL || this == SKIPPED || this == CANCELLED;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

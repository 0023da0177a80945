package dev.sluice.core.orchestrate;

import java.util.Locale;

/** What a schedule does with ticks that passed while nothing ran. */
public enum CatchUp {
  /** Drop them; only a tick due now runs. */
  NONE,
  /** Run once, for the newest missed tick. */
  LATEST,
  /** Run once per missed tick, oldest first. */
  ALL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

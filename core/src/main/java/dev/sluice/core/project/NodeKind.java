package dev.sluice.core.project;

import java.util.Locale;

/** The closed set of node kinds. */
public enum NodeKind {
  SOURCE,
  SEED,
  MODEL,
  SNAPSHOT,
  TEST,
  EXPORT;

  /** As a user says it: model, seed, source, snapshot, test, export. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

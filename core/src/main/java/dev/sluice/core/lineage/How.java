package dev.sluice.core.lineage;

import java.util.Locale;

/**
 * How a source column reaches a column. The first five are kinds of value flow, ordered from the
 * plainest to the most transforming; the last two say a column decides which rows there are.
 */
public enum How {
  COPIED,
  RENAMED,
  EXPRESSION,
  WINDOW,
  AGGREGATE,
  JOIN_KEY,
  FILTER;

  /** The stronger of two value flows: a copy of an aggregate is an aggregate. */
  static How stronger(How a, How b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  public boolean isValue() {
    return ordinal() <= AGGREGATE.ordinal();
  }

  /** {@code join key}, as printed. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}

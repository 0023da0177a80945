package dev.sluice.core.env;

import java.util.List;

/**
 * How one model differs between an environment and the plan.
 *
 * @param breaking for a directly modified model: whether it drops or renames a column that was
 *     there (null when it does not apply)
 * @param dropped the columns that are gone
 * @param added the columns that are new
 */
public record Change(
    String node, Kind kind, Boolean breaking, List<String> dropped, List<String> added) {
  public Change {
    dropped = List.copyOf(dropped);
    added = List.copyOf(added);
  }

  public enum Kind {
    ADDED,
    REMOVED,
    DIRECTLY_MODIFIED,
    INDIRECTLY_MODIFIED
  }

  public String label() {
    String k = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    if (breaking == null) {
      return k;
    }
    return k + (breaking ? " (breaking)" : " (non-breaking)");
  }
}

package dev.sluice.core.artifacts;

/**
 * dbt names a node {@code model.<package>.<name>}; Sluice names it {@code model.<name>}. The
 * package is the project's name, so the two turn into each other.
 */
public final class DbtIds {
  private DbtIds() {}

  /** {@code model.orders} in project {@code shop} is {@code model.shop.orders}. */
  public static String of(String project, String sluiceId) {
    int dot = sluiceId.indexOf('.');
    return sluiceId.substring(0, dot) + "." + project + sluiceId.substring(dot);
  }

  /** The Sluice id of a dbt unique id, dropping its package. */
  public static String toSluice(String dbtId) {
    int first = dbtId.indexOf('.');
    int second = dbtId.indexOf('.', first + 1);
    return second < 0 ? dbtId : dbtId.substring(0, first) + dbtId.substring(second);
  }
}

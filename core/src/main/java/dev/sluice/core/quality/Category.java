package dev.sluice.core.quality;

import java.util.Locale;

/** The five sides of data quality a scorecard shows, and which checks speak to each. */
public enum Category {
  COMPLETENESS,
  UNIQUENESS,
  VALIDITY,
  CONSISTENCY,
  TIMELINESS;

  /** Which side a check of this kind measures; a user's own or singular test counts as validity. */
  public static Category ofTest(String testName) {
    String t =
        testName.contains(".") ? testName.substring(testName.lastIndexOf('.') + 1) : testName;
    return switch (t) {
      case "not_null", "not_empty_string", "row_count", "not_null_proportion" -> COMPLETENESS;
      case "unique", "unique_combination_of_columns" -> UNIQUENESS;
      case "relationships", "relationships_where", "equal_rowcount" -> CONSISTENCY;
      case "recency", "freshness" -> TIMELINESS;
      default -> VALIDITY;
    };
  }

  /**
   * Whether a check's failures are rows of the table (scored by their share), rather than one
   * verdict about the whole table (scored 100, 50 or 0).
   */
  public static boolean countsRows(String testName) {
    return !java.util.Set.of("row_count", "recency", "freshness", "anomaly").contains(testName);
  }

  public static Category of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

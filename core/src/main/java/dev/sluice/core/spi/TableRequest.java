package dev.sluice.core.spi;

import java.util.Map;

/**
 * What to extract from one table.
 *
 * @param settings the table's settings as written in the source file (endpoint, records path ...)
 * @param cursorColumn the incremental cursor, or null to read everything
 * @param cursorAfter the last cursor value loaded, or null for a first (or full) load
 */
public record TableRequest(
    String sourceName,
    String table,
    Map<String, Object> settings,
    String cursorColumn,
    String cursorAfter,
    int batchSize) {

  /** {@code shop_db.orders}, for messages. */
  public String qualifiedName() {
    return sourceName + "." + table;
  }
}

package dev.sluice.core.spi;

import java.util.Map;

/**
 * {@code extraction: cdc}: a database table read from its change stream (PostgreSQL's logical
 * replication, MySQL's and MariaDB's binary log) instead of by query. The connector stages each
 * change as a row with the stream position in {@code _sluice_lsn} (the table's cursor, saved in the
 * same transaction as the rows) and deletes marked in {@code _sluice_deleted}; the loader merges
 * them by primary key.
 */
public final class ChangeCapture {
  /** The stream position column: the cursor of a CDC table. */
  public static final String POSITION = "_sluice_lsn";

  /** True for a deleted row. */
  public static final String DELETED = "_sluice_deleted";

  private ChangeCapture() {}

  /** Whether a table's settings ask for change data capture. */
  public static boolean isOn(Map<String, Object> settings) {
    return "cdc".equalsIgnoreCase(String.valueOf(settings.get("extraction")));
  }
}

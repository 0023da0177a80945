package dev.sluice.core.load;

import dev.sluice.core.project.SourceTable;
import java.util.List;
import java.util.Map;

/**
 * {@code extraction: cdc}: a database table read from its change stream (PostgreSQL's logical
 * replication) instead of by query. The connector stages each change as a row with the stream
 * position in {@code _sluice_lsn} (the table's cursor, saved in the same transaction as the rows)
 * and deletes marked in {@code _sluice_deleted}; the loader merges them by primary key.
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

  /**
   * A CDC table merges on its primary key with the stream position as cursor. Deletes remove the
   * row, or with {@code soft_delete: true} keep it with {@code _sluice_deleted} set.
   */
  static SourceLoader.TableSettings settings(SourceTable t, List<String> pk) throws LoadException {
    Map<String, Object> m = t.load().table();
    if (pk.isEmpty()) {
      throw new LoadException(
          "source "
              + t.qualifiedName()
              + ": extraction: cdc applies changes by key, so it needs primary_key");
    }
    Object wd = m.get("write_disposition");
    if (wd != null && !"merge".equalsIgnoreCase(wd.toString())) {
      throw new LoadException(
          "source "
              + t.qualifiedName()
              + ": extraction: cdc merges changes by key; write_disposition '"
              + wd
              + "' does not apply");
    }
    Contract contract = Contract.of(m.get("contract"), t.qualifiedName());
    boolean soft = Boolean.parseBoolean(String.valueOf(m.get("soft_delete")));
    return new SourceLoader.TableSettings(
        pk,
        POSITION,
        SourceLoader.Disposition.MERGE,
        contract.columns() == Contract.Mode.FREEZE,
        soft ? null : DELETED,
        contract,
        FileTracking.OnChange.RELOAD);
  }
}

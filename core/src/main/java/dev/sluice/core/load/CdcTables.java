package dev.sluice.core.load;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.ChangeCapture;
import dev.sluice.core.spi.LoadException;
import java.util.List;
import java.util.Map;

/**
 * How the loader applies a CDC table's changes: by primary key, with the stream position as cursor.
 */
final class CdcTables {
  private CdcTables() {}

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
        ChangeCapture.POSITION,
        SourceLoader.Disposition.MERGE,
        contract.columns() == Contract.Mode.FREEZE,
        soft ? null : ChangeCapture.DELETED,
        contract,
        FileTracking.OnChange.RELOAD);
  }
}

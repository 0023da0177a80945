package dev.sluice.core.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Read-only work (query, compile, previews) while another process holds the DuckDB file: DuckDB
 * lets no second process open it, not even to read, so these read a copy of the file as of its last
 * checkpoint. A build's changes since then are not seen; nothing written to the copy is kept.
 */
public final class ReadCopy {
  private ReadCopy() {}

  /**
   * The warehouse itself when it is free; a copy of it, said so on {@code note}, when it is not.
   */
  public static DuckDbWarehouse open(String path, Consumer<String> note) {
    try {
      return DuckDbWarehouse.open(path);
    } catch (WarehouseException e) {
      if (!(e.getCause() instanceof java.sql.SQLException sql)
          || !DuckDbWarehouse.isLocked(String.valueOf(sql.getMessage()))) {
        throw e;
      }
      String holder =
          Holder.describe(path, String.valueOf(sql.getMessage())).orElse("another process");
      Path copy = null;
      try {
        copy = Files.createTempFile("sluice-read-", ".duckdb");
        Files.copy(Path.of(path), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DuckDbWarehouse w = DuckDbWarehouse.open(copy.toString());
        note.accept(
            "note: " + path + " is in use by " + holder + "; reading it as of its last checkpoint");
        Path toDelete = copy;
        w.onClose(() -> deleteQuietly(toDelete));
        return w;
      } catch (IOException | WarehouseException again) {
        deleteQuietly(copy);
        throw e;
      }
    }
  }

  private static void deleteQuietly(Path copy) {
    if (copy == null) {
      return;
    }
    try {
      Files.deleteIfExists(copy);
      Files.deleteIfExists(Path.of(copy + ".wal"));
      Files.deleteIfExists(Path.of(copy + ".holder"));
    } catch (IOException e) {
      // a temporary copy; the temp folder is cleaned anyway
    }
  }
}

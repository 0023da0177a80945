package dev.sluice.core.warehouse;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB files this process has open: one database per file, shared by every warehouse open on
 * it (the app's history, quality and catalog panels open the same file from several threads). Each
 * warehouse gets a duplicate connection; the database closes with the last of them. Opening and
 * closing are serialised, so an open never meets the file half released by a close: DuckDB then
 * answers "Unique file handle conflict" (about one open in five with eight threads, when each
 * opened the file by itself).
 */
final class OpenFiles {
  /** How the first connection to a file is made. */
  interface Opener {
    DuckDBConnection open(String path) throws SQLException;
  }

  private static final class Shared {
    final String path;
    final DuckDBConnection keeper;
    int users;

    Shared(String path, DuckDBConnection keeper) {
      this.path = path;
      this.keeper = keeper;
    }
  }

  private static final Map<String, Shared> OPEN = new HashMap<>();

  private OpenFiles() {}

  /** The key of a file: two spellings of one path share it. */
  static String key(String path) {
    return Path.of(path).toAbsolutePath().normalize().toString();
  }

  /** A connection of its own to the file's shared database, opening the database if need be. */
  static synchronized DuckDBConnection acquire(String path, Opener opener) throws SQLException {
    String key = key(path);
    Shared s = OPEN.get(key);
    if (s == null) {
      s = new Shared(path, opener.open(path));
      OPEN.put(key, s);
      Holder.write(path);
    }
    DuckDBConnection mine = s.keeper.duplicate();
    s.users++;
    return mine;
  }

  /** One warehouse on the file is done; the last one closes the database. */
  static synchronized void release(String path) {
    String key = key(path);
    Shared s = OPEN.get(key);
    if (s == null || --s.users > 0) {
      return;
    }
    OPEN.remove(key);
    Holder.remove(s.path);
    try {
      s.keeper.close();
    } catch (SQLException e) {
      // closing a database that failed is not worth a second error
    }
  }
}

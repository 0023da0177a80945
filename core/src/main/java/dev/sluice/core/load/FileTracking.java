package dev.sluice.core.load;

import dev.sluice.core.spi.LoadException;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Which files a files table has loaded: path, size, modification time and a content hash, kept in
 * {@code _sluice.loaded_files} and written in the same transaction as the rows, so a file is loaded
 * once and a failed load records nothing.
 */
final class FileTracking {
  static final String FILES = "\"" + Warehouse.META_SCHEMA + "\".\"loaded_files\"";

  private FileTracking() {}

  /** What to do with a file that changed since it was loaded. */
  enum OnChange {
    RELOAD,
    APPEND,
    IGNORE;

    static OnChange of(Object v, String where) throws LoadException {
      if (v == null) {
        return RELOAD;
      }
      try {
        return valueOf(v.toString().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new LoadException(
            "source " + where + ": on_change '" + v + "' is not one of reload, append, ignore");
      }
    }
  }

  /**
   * One file as it is now; {@code path} is relative to the base path, with forward slashes. The
   * content hash of a file seen for the first time is worked out while DuckDB reads the file (it is
   * needed only to tell a later touch from a change), so a load does not read every new file twice
   * in a row.
   */
  record FileState(String path, long size, long modifiedMillis, Future<String> hashing) {
    FileState(String path, long size, long modifiedMillis, String hash) {
      this(path, size, modifiedMillis, CompletableFuture.completedFuture(hash));
    }

    String hash() throws IOException {
      try {
        return hashing.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof java.io.UncheckedIOException u) {
          throw u.getCause();
        }
        throw new IOException(String.valueOf(cause), cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /**
   * The files one load reads and records.
   *
   * @param read the files to read this load
   * @param record the records to write (read files, and changed files that are ignored)
   * @param reloaded files read again whose earlier rows are replaced
   * @param unchanged how many files were loaded before and did not change
   */
  record Plan(
      List<Path> read, List<FileState> record, List<String> reloaded, int unchanged, int changed) {
    static Plan everything(List<Path> files) {
      return new Plan(files, List.of(), List.of(), 0, 0);
    }

    String describe() {
      if (unchanged == 0 && changed == 0) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      if (unchanged > 0) {
        sb.append(unchanged).append(unchanged == 1 ? " file" : " files").append(" already loaded");
      }
      if (changed > 0) {
        sb.append(sb.isEmpty() ? "" : ", ")
            .append(changed)
            .append(changed == 1 ? " changed file" : " changed files");
      }
      return sb.toString();
    }
  }

  static void ensure(SqlSession s) throws SQLException {
    s.execute(
        "create table if not exists "
            + FILES
            + " (source varchar, table_name varchar, path varchar, size bigint,"
            + " modified_at timestamp, content_hash varchar, load_id varchar, loaded_at timestamp,"
            + " primary key (source, table_name, path))");
  }

  /**
   * Compares the files on disk with the record and decides, by the table's policy, what to read.
   */
  static Plan plan(
      SqlSession s,
      String source,
      String table,
      Path base,
      List<Path> files,
      OnChange onChange,
      boolean fullRefresh,
      String where)
      throws SQLException, LoadException {
    Map<String, FileState> known = new HashMap<>();
    if (!fullRefresh) {
      for (Map<String, Object> r :
          s.rows(
              "select path, size, epoch_ms(modified_at) as m, content_hash from "
                  + FILES
                  + " where source = "
                  + LoadState.lit(source)
                  + " and table_name = "
                  + LoadState.lit(table),
              Integer.MAX_VALUE)) {
        String p = String.valueOf(r.get("path"));
        known.put(
            p,
            new FileState(
                p,
                ((Number) r.get("size")).longValue(),
                ((Number) r.get("m")).longValue(),
                String.valueOf(r.get("content_hash"))));
      }
    }
    List<Path> read = new ArrayList<>();
    List<FileState> record = new ArrayList<>();
    java.util.concurrent.ExecutorService hasher = null;
    List<String> reloaded = new ArrayList<>();
    int unchanged = 0;
    int changed = 0;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        read.add(f); // the reader names the missing file
        continue;
      }
      String rel = relative(base, f);
      try {
        long size = Files.size(f);
        long mtime = Files.getLastModifiedTime(f).toMillis();
        FileState was = known.get(rel);
        if (was != null && was.size() == size && was.modifiedMillis() == mtime) {
          unchanged++;
          continue;
        }
        if (was == null) {
          if (hasher == null) {
            hasher =
                java.util.concurrent.Executors.newSingleThreadExecutor(
                    r -> {
                      Thread t = new Thread(r, "sluice-hash-" + where);
                      t.setDaemon(true);
                      return t;
                    });
          }
          read.add(f);
          record.add(
              new FileState(
                  rel,
                  size,
                  mtime,
                  CompletableFuture.supplyAsync(
                      () -> {
                        try {
                          return hash(f);
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      },
                      hasher)));
          continue;
        }
        FileState now = new FileState(rel, size, mtime, hash(f));
        if (was.hash().equals(now.hash())) {
          unchanged++;
          record.add(now); // touched, not changed: remember the new time, read nothing
        } else {
          changed++;
          record.add(now);
          if (onChange != OnChange.IGNORE) {
            read.add(f);
            if (onChange == OnChange.RELOAD) {
              reloaded.add(rel);
            }
          }
        }
      } catch (IOException e) {
        throw new LoadException(
            "source " + where + ": cannot read " + rel + ": " + e.getMessage(), e);
      }
    }
    if (hasher != null) {
      hasher.shutdown(); // runs what it was given, then its thread ends
    }
    return new Plan(read, record, reloaded, unchanged, changed);
  }

  /** Writes the plan's records for this load; with a full refresh, forgets the older ones first. */
  static void record(
      SqlSession s, String source, String table, Plan plan, String loadId, boolean fullRefresh)
      throws SQLException, LoadException {
    if (fullRefresh) {
      forget(s, source, table);
    }
    for (FileState f : plan.record()) {
      String hash;
      try {
        hash = f.hash();
      } catch (IOException e) {
        throw new LoadException(
            "source " + source + "." + table + ": cannot read " + f.path() + ": " + e.getMessage(),
            e);
      }
      s.execute(
          "insert or replace into "
              + FILES
              + " values ("
              + LoadState.lit(source)
              + ", "
              + LoadState.lit(table)
              + ", "
              + LoadState.lit(f.path())
              + ", "
              + f.size()
              + ", make_timestamp("
              + f.modifiedMillis() * 1000
              + ")::timestamp, "
              + LoadState.lit(hash)
              + ", "
              + LoadState.lit(loadId)
              + ", current_timestamp::timestamp)");
    }
  }

  static void forget(SqlSession s, String source, String table) throws SQLException {
    s.execute(
        "delete from "
            + FILES
            + " where source = "
            + LoadState.lit(source)
            + " and table_name = "
            + LoadState.lit(table));
  }

  /** {@code drops/events_1.json}: the path as a person wrote it, relative to the base path. */
  static String relative(Path base, Path file) {
    Path b = base.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    Path r = f.startsWith(b) ? b.relativize(f) : f;
    return r.toString().replace('\\', '/');
  }

  private static String hash(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

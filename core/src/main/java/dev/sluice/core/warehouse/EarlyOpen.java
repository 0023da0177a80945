package dev.sluice.core.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DuckDB file opened on a thread of its own while the caller does something else: opening reads
 * the file's whole catalog (a quarter of a second for 1,000 views), which then overlaps the parse
 * of the project. Only a file that is there already is opened early, so a project that fails to
 * parse never makes one.
 */
public final class EarlyOpen {
  private final Thread thread;
  private DuckDbWarehouse opened;
  private RuntimeException failure;
  private Error error;
  private boolean discarded;

  private EarlyOpen(String path, LockWait wait) {
    this.thread =
        new Thread(
            () -> {
              try {
                DuckDbWarehouse w = DuckDbWarehouse.open(path, wait);
                synchronized (this) {
                  if (!discarded) {
                    opened = w;
                    return;
                  }
                }
                w.close();
              } catch (RuntimeException e) {
                synchronized (this) {
                  failure = e;
                }
              } catch (Error e) {
                synchronized (this) {
                  error = e;
                }
              }
            },
            "sluice-open");
    thread.setDaemon(true);
  }

  /** Starts opening {@code path}, or returns null when it is not an existing file. */
  public static EarlyOpen startIfExists(String path, LockWait wait) {
    if (path == null || path.isBlank() || path.equals(":memory:")) {
      return null;
    }
    if (!Files.isRegularFile(Path.of(path))) {
      return null;
    }
    EarlyOpen o = new EarlyOpen(path, wait);
    o.thread.start();
    return o;
  }

  /** The warehouse, once open; what the open threw is thrown here as it was. */
  public DuckDbWarehouse get() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discard();
      throw new WarehouseException("interrupted while opening the warehouse", e);
    }
    synchronized (this) {
      if (error != null) {
        throw error;
      }
      if (failure != null) {
        throw failure;
      }
      return opened;
    }
  }

  /** Not wanted after all: a wait for the file stops, and the file is closed if it opened. */
  public void discard() {
    DuckDbWarehouse w;
    synchronized (this) {
      discarded = true;
      w = opened;
      opened = null;
    }
    if (w != null) {
      w.close();
    }
    thread.interrupt(); // ends a wait for another process's lock
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

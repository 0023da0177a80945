package dev.sluice.core.warehouse;

/**
 * Catalog changes that threads of one process may race on: two transactions creating the same
 * schema or table at once make DuckDB refuse one ("Catalog write-write conflict"). The app's
 * background checks, a run's parallel loads and its snapshots all create such entries, so they take
 * turns here. Other processes cannot race: the DuckDB file is locked to one process.
 */
public final class CatalogChanges {
  private static final Object LOCK = new Object();

  private CatalogChanges() {}

  /** A change that may throw. */
  public interface Change<E extends Exception> {
    void run() throws E;
  }

  /** Runs {@code change} while no other catalog change of this process runs. */
  public static <E extends Exception> void oneAtATime(Change<E> change) throws E {
    synchronized (LOCK) {
      change.run();
    }
  }
}

package dev.sluice.core.run;

import dev.sluice.core.project.SourceTable;

/**
 * How the executor extracts and loads a source table. The load package provides it; the executor
 * only needs this much.
 */
public interface SourceLoads {

  /**
   * @return rows loaded and a short message
   */
  Outcome load(SourceTable table, String runId, boolean fullRefresh) throws Exception;

  /** Stops loads in progress, from another thread. */
  void cancel();

  record Outcome(long rows, String message) {}

  /** For runs where nothing is loaded: declared-only sources are already in the warehouse. */
  SourceLoads NONE =
      new SourceLoads() {
        @Override
        public Outcome load(SourceTable table, String runId, boolean fullRefresh) {
          throw new IllegalStateException(
              "no loader for source "
                  + table.qualifiedName()
                  + ": is its connector plugin installed?");
        }

        @Override
        public void cancel() {}
      };
}

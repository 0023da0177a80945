/**
 * Building nodes into the warehouse: views, tables swapped in atomically, incremental merges, seeds
 * and SCD2 snapshots.
 */
package dev.sluice.core.materialize;

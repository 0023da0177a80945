package dev.sluice.core.materialize;

/**
 * What building one node did.
 *
 * @param rows rows written or, for tests, failing rows; -1 when not counted (views)
 * @param message a short description for the log, e.g. {@code created view main.stg_orders}
 */
public record BuildResult(long rows, String message) {}

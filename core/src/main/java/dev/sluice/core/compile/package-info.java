/**
 * Turning a node into the SQL that runs: templates rendered against the target, ephemeral models
 * inlined as CTEs.
 */
package dev.sluice.core.compile;

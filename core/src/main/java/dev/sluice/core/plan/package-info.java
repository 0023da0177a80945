/**
 * The pipeline as a graph: the manifest (final configs and edges), cycle detection, and dbt's
 * selection language.
 */
package dev.sluice.core.plan;

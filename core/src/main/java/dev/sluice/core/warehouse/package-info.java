/**
 * The warehouse the project builds into (embedded DuckDB): connections, quoting, relation names and
 * catalog reads.
 */
package dev.sluice.core.warehouse;

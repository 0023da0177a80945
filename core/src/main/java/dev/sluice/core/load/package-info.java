/**
 * Extract and load: runs the {@link dev.sluice.core.spi.SourceConnector}s that plugins implement,
 * the files connector, and the loader that stages rows through DuckDB's Appender and applies
 * replace, append or merge with incremental cursors, all in one transaction per table.
 */
package dev.sluice.core.load;

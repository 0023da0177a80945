/**
 * Ad-hoc queries for the editor and previews: SQL streamed a page at a time with a cancel button,
 * what to query to preview a node, results written to CSV or Parquet, and column profiles.
 */
package dev.sluice.core.query;

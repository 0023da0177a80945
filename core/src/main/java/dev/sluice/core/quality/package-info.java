/**
 * Data tests: the SQL of the generic tests and running a test to count and sample its failing rows.
 */
package dev.sluice.core.quality;

/**
 * The public SPI for source plugins, and all a plugin imports: {@link
 * dev.sluice.core.spi.SourceConnector} with its configuration, table and row types, and helpers for
 * JDBC, JSON and CSV sources. Plugins are found with {@link java.util.ServiceLoader}.
 */
package dev.sluice.core.spi;

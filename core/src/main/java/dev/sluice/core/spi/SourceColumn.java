package dev.sluice.core.spi;

/** A column of extracted rows. {@code type} is a DuckDB type name, e.g. {@code BIGINT}. */
public record SourceColumn(String name, String type) {}

package dev.sluice.core.query;

/** A column of a query result: its label and DuckDB's name for its type. */
public record ResultColumn(String name, String type) {}

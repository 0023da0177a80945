package dev.sluice.core.lineage;

/** A column that feeds another, and how. */
public record Link(ColumnRef from, How how) {}

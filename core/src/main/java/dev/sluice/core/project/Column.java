package dev.sluice.core.project;

/** A column as a schema file describes it. Its tests become {@link GenericTest} nodes. */
public record Column(String name, String description, String dataType) {}

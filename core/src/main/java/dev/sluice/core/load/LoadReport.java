package dev.sluice.core.load;

/** What a load did. {@code cursorAfter} equals {@code cursorBefore} when nothing new arrived. */
public record LoadReport(
    String loadId, long rowsLoaded, String cursorBefore, String cursorAfter, String message) {}

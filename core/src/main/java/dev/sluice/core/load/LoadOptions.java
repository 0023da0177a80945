package dev.sluice.core.load;

/**
 * How to run one load: the run it belongs to, and whether to ignore the saved cursor and rebuild.
 */
public record LoadOptions(String runId, boolean fullRefresh) {}

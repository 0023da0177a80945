package dev.sluice.core.spi;

/**
 * A connector whose tables are streams: {@code sluice serve} loads them continuously, one
 * micro-batch after another, beside its schedules. Each load reads one batch (the connector's own
 * limit of messages or seconds), and the connector acknowledges it only after it committed (see
 * {@link AfterCommit}).
 */
public interface StreamSource {}

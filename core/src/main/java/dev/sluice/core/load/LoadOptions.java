package dev.sluice.core.load;

/**
 * How to run one load: the run it belongs to, whether to ignore the saved cursor and rebuild, and
 * whether a load that found nothing new leaves no record (a stream polled every second would
 * otherwise fill the load history with empty batches).
 */
public record LoadOptions(String runId, boolean fullRefresh, boolean forgetEmpty) {
  public LoadOptions(String runId, boolean fullRefresh) {
    this(runId, fullRefresh, false);
  }
}

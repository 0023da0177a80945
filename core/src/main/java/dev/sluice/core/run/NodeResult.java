package dev.sluice.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one node's run went.
 *
 * @param rows rows written, or for a test the failing rows; -1 when not counted
 * @param sample for a failing test, a few failing rows
 * @param sqlHash a hash of the compiled SQL and config, to tell later whether the node is stale
 */
public record NodeResult(
    String nodeId,
    String name,
    String kind,
    NodeStatus status,
    Instant startedAt,
    long durationMillis,
    long rows,
    String message,
    String relation,
    String compiledSql,
    List<Map<String, Object>> sample,
    String sqlHash) {

  public NodeResult {
    sample = sample == null ? List.of() : List.copyOf(sample);
    // the one record every report reads (console, history, run_results.json, the app)
    message = dev.sluice.core.safety.Secrets.mask(message);
    compiledSql = dev.sluice.core.safety.Secrets.mask(compiledSql);
  }
}

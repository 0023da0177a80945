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
 * @param attempts how many times the node was tried (1 unless it was retried)
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
    String sqlHash,
    int attempts) {

  public NodeResult {
    sample = sample == null ? List.of() : List.copyOf(sample);
    // the one record every report reads (console, history, run_results.json, the app)
    message = dev.sluice.core.spi.Secrets.mask(message);
    compiledSql = dev.sluice.core.spi.Secrets.mask(compiledSql);
    attempts = Math.max(1, attempts);
  }

  /** A result of a node tried once. */
  public NodeResult(
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
    this(
        nodeId,
        name,
        kind,
        status,
        startedAt,
        durationMillis,
        rows,
        message,
        relation,
        compiledSql,
        sample,
        sqlHash,
        1);
  }

  /** The same result, told how many attempts it took and when the first one started. */
  NodeResult afterAttempts(int n, Instant firstStart, long totalMillis) {
    return new NodeResult(
        nodeId,
        name,
        kind,
        status,
        firstStart,
        totalMillis,
        rows,
        n > 1 ? message + " (attempt " + n + ")" : message,
        relation,
        compiledSql,
        sample,
        sqlHash,
        n);
  }

  /** This result as an error with another message (a timeout reads better than "cancelled"). */
  NodeResult failedWith(String why) {
    return new NodeResult(
        nodeId,
        name,
        kind,
        NodeStatus.ERROR,
        startedAt,
        durationMillis,
        rows,
        why,
        relation,
        compiledSql,
        sample,
        sqlHash,
        attempts);
  }
}

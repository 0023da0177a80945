package dev.sluice.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.artifacts.DbtIds;
import dev.sluice.core.artifacts.DbtVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code run_results.json} in dbt's v6 shape. What dbt has no field for (rows written, a failing
 * test's sample rows) goes in each result's free-form {@code adapter_response}.
 */
final class DbtRunResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DbtRunResults() {}

  static ObjectNode of(String project, RunSummary summary) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("metadata");
    meta.put("dbt_schema_version", DbtVersion.RUN_RESULTS);
    meta.put("dbt_version", DbtVersion.DBT);
    meta.put("generated_at", Instant.now().toString());
    meta.put("invocation_id", summary.runId());
    meta.put("invocation_started_at", summary.startedAt().toString());
    meta.putObject("env");
    ArrayNode results = root.putArray("results");
    for (NodeResult r : summary.results()) {
      ObjectNode n = results.addObject();
      boolean test = r.kind().equals("test");
      n.put("status", status(r, test));
      ArrayNode timing = n.putArray("timing");
      if (r.startedAt() != null) {
        ObjectNode t = timing.addObject();
        t.put("name", "execute");
        t.put("started_at", r.startedAt().toString());
        t.put("completed_at", r.startedAt().plusMillis(r.durationMillis()).toString());
      }
      n.put("thread_id", "Thread-1");
      n.put("execution_time", r.durationMillis() / 1000.0);
      ObjectNode adapter = n.putObject("adapter_response");
      if (r.rows() >= 0 && !test) {
        adapter.put("rows_affected", r.rows());
      }
      if (!r.sample().isEmpty()) {
        adapter.set(
            "failing_rows_sample",
            JSON.valueToTree(r.sample().stream().map(DbtRunResults::printable).toList()));
      }
      n.put("message", r.message());
      if (test && r.rows() >= 0) {
        n.put("failures", r.rows());
      } else {
        n.putNull("failures");
      }
      n.put("unique_id", DbtIds.of(project, r.nodeId()));
      n.put("compiled", r.compiledSql() != null);
      n.put("compiled_code", r.compiledSql());
      n.put("relation_name", r.relation());
    }
    root.put("elapsed_time", summary.durationMillis() / 1000.0);
    ObjectNode args = root.putObject("args");
    args.put("which", summary.command());
    args.put("invocation_command", "sluice " + summary.command());
    args.put("cancelled", summary.cancelled());
    return root;
  }

  /**
   * dbt's words: success, error, skipped for builds; pass, fail, warn, error, skipped for tests.
   */
  private static String status(NodeResult r, boolean test) {
    return switch (r.status()) {
      case SUCCESS -> test ? "pass" : "success";
      case PASS -> "pass";
      case WARN -> "warn";
      case FAIL -> test ? "fail" : "error";
      case ERROR -> "error";
      case SKIPPED, CANCELLED -> "skipped";
    };
  }

  private static Map<String, String> printable(Map<String, Object> row) {
    Map<String, String> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }
}

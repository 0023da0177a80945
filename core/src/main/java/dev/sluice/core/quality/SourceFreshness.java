package dev.sluice.core.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code source freshness} over a selection: measures each source table with a rule, records the
 * outcomes in the quality history (they feed the scorecard's timeliness) and writes {@code
 * sources.json} as dbt does.
 */
public final class SourceFreshness {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SourceFreshness() {}

  /** The source tables among {@code ids} that have a freshness rule, in graph order. */
  public static List<SourceTable> tables(Manifest manifest, Collection<String> ids) {
    List<SourceTable> out = new ArrayList<>();
    for (String id : manifest.dag().topologicalOrder()) {
      Optional<Node> n = manifest.node(id);
      if (ids.contains(id)
          && n.isPresent()
          && n.get() instanceof SourceTable s
          && FreshnessRule.of(s).isPresent()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Measures every table, telling {@code each} as it goes, then records and writes the results. */
  public static List<Freshness.Result> check(
      Warehouse warehouse,
      List<SourceTable> tables,
      QualitySettings settings,
      Path targetDir,
      String runId,
      Consumer<Freshness.Result> each)
      throws IOException {
    List<Freshness.Result> results = new ArrayList<>();
    for (SourceTable t : tables) {
      Freshness.Result r = Freshness.measure(warehouse, t, FreshnessRule.of(t).orElseThrow());
      results.add(r);
      each.accept(r);
    }
    List<QualityHistory.CheckResult> checks = new ArrayList<>();
    Instant at = Instant.now();
    for (Freshness.Result r : results) {
      checks.add(
          new QualityHistory.CheckResult(
              runId,
              at,
              "freshness." + r.table().uniqueId(),
              "freshness of " + r.table().qualifiedName(),
              "freshness",
              r.table().uniqueId(),
              null,
              Category.TIMELINESS,
              r.status().equals("runtime error")
                  ? "error"
                  : r.status().equals("error") ? "fail" : r.status(),
              r.status().equals("pass") ? 0 : 1,
              -1,
              r.message(),
              List.of()));
    }
    if (!checks.isEmpty()) {
      new QualityHistory(warehouse).record(runId, at, List.of(), checks, settings.keepRuns());
    }
    write(results, targetDir);
    return results;
  }

  private static void write(List<Freshness.Result> results, Path targetDir) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("metadata");
    meta.put("dbt_schema_version", "https://schemas.getdbt.com/dbt/sources/v3.json");
    meta.put("generated_at", Instant.now().toString());
    ArrayNode list = root.putArray("results");
    for (Freshness.Result r : results) {
      ObjectNode n = list.addObject();
      n.put("unique_id", r.table().uniqueId());
      n.put("status", r.status());
      if (r.maxLoadedAt() != null) {
        n.put("max_loaded_at", r.maxLoadedAt().toString());
        n.put("max_loaded_at_time_ago_in_s", r.ageSeconds());
      }
      n.put("snapshotted_at", r.snapshottedAt().toString());
      n.put("execution_time", r.millis() / 1000.0);
      n.put("message", r.message());
      ObjectNode criteria = n.putObject("criteria");
      threshold(criteria, "warn_after", r.rule().warnAfter());
      threshold(criteria, "error_after", r.rule().errorAfter());
      criteria.put("filter", r.rule().filter());
    }
    Files.createDirectories(targetDir);
    Path tmp = targetDir.resolve(".sources.json.tmp");
    JSON.writeValue(tmp.toFile(), root);
    Files.move(
        tmp,
        targetDir.resolve("sources.json"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static void threshold(ObjectNode criteria, String key, FreshnessRule.Threshold t) {
    ObjectNode o = criteria.putObject(key);
    if (t == null) {
      o.putNull("count");
      o.putNull("period");
    } else {
      o.put("count", t.count());
      o.put("period", t.period());
    }
  }
}

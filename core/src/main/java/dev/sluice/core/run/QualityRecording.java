package dev.sluice.core.run;

import dev.sluice.core.compile.Anomaly;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Seed;
import dev.sluice.core.project.SingularTest;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.quality.Category;
import dev.sluice.core.quality.QualityHistory;
import dev.sluice.core.quality.QualitySettings;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.Warehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * After a run, records what it measured into the quality history: each check's outcome with the
 * size of the table it checked, and for each table built or checked its row count and the null
 * share (and for anomaly checks the mean) of its profiled columns.
 */
public final class QualityRecording {
  /** Columns beyond this many per table are not profiled: one scan stays cheap. */
  static final int PROFILED_COLUMNS = 30;

  private QualityRecording() {}

  public static void record(
      Warehouse warehouse,
      Manifest manifest,
      Target target,
      RunSummary summary,
      QualitySettings settings) {
    Instant at = summary.startedAt().plusMillis(summary.durationMillis());
    Set<String> measured = new LinkedHashSet<>();
    Set<String> checked = new LinkedHashSet<>();
    Map<String, Long> built = new HashMap<>();
    List<PendingCheck> pending = new ArrayList<>();
    for (NodeResult r : summary.results()) {
      Optional<Node> n = manifest.node(r.nodeId());
      if (n.isEmpty()) {
        continue;
      }
      if (r.status() == NodeStatus.SUCCESS && isMeasurable(n.get())) {
        measured.add(r.nodeId());
        if (r.rows() >= 0) {
          built.put(r.nodeId(), r.rows());
        }
      }
      String status = status(r.status());
      if (n.get().kind() == NodeKind.TEST && status != null) {
        String attached = attachedTo(manifest, n.get());
        if (attached != null) {
          measured.add(attached);
          checked.add(attached);
          pending.add(new PendingCheck(r, n.get(), attached, status));
        }
      }
    }
    Map<String, Long> rowCounts = new HashMap<>();
    List<QualityHistory.Metric> metrics = new ArrayList<>();
    for (String id : measured) {
      Node node = manifest.node(id).orElseThrow();
      Relation rel = Relations.of(node, target);
      if (rel.cte()) {
        continue;
      }
      if (!checked.contains(id)
          && "view".equals(node.config().materialized("view"))
          && node.kind() == NodeKind.MODEL) {
        continue; // counting an unchecked view would run its whole query for one number
      }
      if (!checked.contains(id)
          && built.containsKey(id)
          && declared(node).isEmpty()
          && writesWholeTable(node)) {
        // an unchecked table's size is what its build wrote: no scan needed
        metrics.add(new QualityHistory.Metric(id, "row_count", null, built.get(id)));
        continue;
      }
      measure(warehouse, manifest, node, rel, metrics, rowCounts);
    }
    List<QualityHistory.CheckResult> checks = new ArrayList<>();
    for (PendingCheck p : pending) {
      String testName = p.node() instanceof GenericTest g ? g.testName() : "singular";
      checks.add(
          new QualityHistory.CheckResult(
              summary.runId(),
              at,
              p.result().nodeId(),
              p.result().name(),
              testName,
              p.attached(),
              p.node() instanceof GenericTest g ? g.columnName() : null,
              Category.ofTest(testName),
              p.status(),
              Math.max(0, p.result().rows()),
              rowCounts.getOrDefault(p.attached(), -1L),
              p.result().message(),
              printable(p.result().sample())));
    }
    if (!metrics.isEmpty() || !checks.isEmpty()) {
      new QualityHistory(warehouse)
          .record(summary.runId(), at, metrics, checks, settings.keepRuns());
    }
  }

  private record PendingCheck(NodeResult result, Node node, String attached, String status) {}

  /** Whether a build's row count is the table's size (not a delta, as incremental builds give). */
  private static boolean writesWholeTable(Node n) {
    return n.kind() == NodeKind.SEED
        || (n.kind() == NodeKind.MODEL && "table".equals(n.config().materialized("view")));
  }

  private static boolean isMeasurable(Node n) {
    return n.kind() == NodeKind.MODEL
        || n.kind() == NodeKind.SEED
        || n.kind() == NodeKind.SNAPSHOT
        || n.kind() == NodeKind.SOURCE;
  }

  private static String status(NodeStatus s) {
    return switch (s) {
      case PASS -> "pass";
      case WARN -> "warn";
      case FAIL -> "fail";
      case ERROR -> "error";
      default -> null;
    };
  }

  /** The table a test checks: a generic test's own, a singular test's only parent. */
  private static String attachedTo(Manifest manifest, Node test) {
    if (test instanceof GenericTest g) {
      return g.attachedTo();
    }
    if (test instanceof SingularTest) {
      Set<String> parents = manifest.dag().parents(test.uniqueId());
      return parents.size() == 1 ? parents.iterator().next() : null;
    }
    return null;
  }

  private static void measure(
      Warehouse warehouse,
      Manifest manifest,
      Node node,
      Relation rel,
      List<QualityHistory.Metric> metrics,
      Map<String, Long> rowCounts) {
    Set<String> available = new LinkedHashSet<>();
    warehouse.columns(rel.schema(), rel.identifier()).forEach(c -> available.add(c.name()));
    if (available.isEmpty()) {
      return; // not built (yet): nothing to measure
    }
    Map<String, String> exprs = new LinkedHashMap<>();
    exprs.put("row_count", "count(*)::double");
    for (String c : profiled(manifest, node, available)) {
      exprs.put("null_share\u0000" + c, nullShare(warehouse, c));
    }
    for (String c : means(manifest, node, available)) {
      exprs.put("mean\u0000" + c, "avg(" + warehouse.quote(c) + "::double)");
    }
    List<String> keys = new ArrayList<>(exprs.keySet());
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < keys.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(exprs.get(keys.get(i))).append(" as m").append(i);
    }
    sql.append(" from ").append(warehouse.relation(rel.schema(), rel.identifier()));
    Map<String, Object> row;
    try {
      row = warehouse.jdbi().withHandle(h -> h.createQuery(sql.toString()).mapToMap().one());
    } catch (RuntimeException e) {
      return; // a table that cannot be read now is measured next run
    }
    for (int i = 0; i < keys.size(); i++) {
      Object v = row.get("m" + i);
      if (!(v instanceof Number num)) {
        continue;
      }
      String[] k = keys.get(i).split("\u0000");
      metrics.add(
          new QualityHistory.Metric(
              node.uniqueId(), k[0], k.length > 1 ? k[1] : null, num.doubleValue()));
      if (k[0].equals("row_count")) {
        rowCounts.put(node.uniqueId(), num.longValue());
      }
    }
  }

  private static String nullShare(Warehouse w, String c) {
    return "avg(case when " + w.quote(c) + " is null then 1.0 else 0.0 end)";
  }

  /** Declared columns, and those an anomaly check watches, that the table really has. */
  private static Set<String> profiled(Manifest manifest, Node node, Set<String> available) {
    Set<String> out = new LinkedHashSet<>();
    declared(node).forEach(c -> out.add(c.name()));
    for (Anomaly a : anomalies(manifest, node)) {
      if (a.column() != null && a.metric().equals("null_share")) {
        out.add(a.column());
      }
    }
    return present(out, available, PROFILED_COLUMNS);
  }

  private static Set<String> means(Manifest manifest, Node node, Set<String> available) {
    Set<String> out = new LinkedHashSet<>();
    for (Anomaly a : anomalies(manifest, node)) {
      if (a.column() != null && a.metric().equals("mean")) {
        out.add(a.column());
      }
    }
    return present(out, available, PROFILED_COLUMNS);
  }

  private static Set<String> present(Set<String> wanted, Set<String> available, int max) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : wanted) {
      for (String a : available) {
        if (a.equalsIgnoreCase(w) && out.size() < max) {
          out.add(a);
        }
      }
    }
    return out;
  }

  private static List<Anomaly> anomalies(Manifest manifest, Node node) {
    List<Anomaly> out = new ArrayList<>();
    for (String child : manifest.dag().children(node.uniqueId())) {
      Optional<Node> c = manifest.node(child);
      if (c.isPresent() && c.get() instanceof GenericTest g && g.testName().equals("anomaly")) {
        try {
          out.add(Anomaly.of(g, g.columnName()));
        } catch (IllegalArgumentException e) {
          // the check itself reports its bad metric
        }
      }
    }
    return out;
  }

  private static List<Column> declared(Node node) {
    if (node instanceof Model m) {
      return m.columns();
    }
    if (node instanceof Seed s) {
      return s.columns();
    }
    return node instanceof SourceTable s ? s.columns() : List.of();
  }

  private static List<Map<String, String>> printable(List<Map<String, Object>> sample) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, Object> row : sample) {
      Map<String, String> m = new LinkedHashMap<>();
      row.forEach((k, v) -> m.put(k, v == null ? null : v.toString()));
      out.add(m);
    }
    return out;
  }
}

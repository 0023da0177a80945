package dev.sluice.core.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.compile.Compiler;
import dev.sluice.core.lineage.ColumnLineage;
import dev.sluice.core.lineage.KnownColumns;
import dev.sluice.core.lineage.Link;
import dev.sluice.core.lineage.ModelLineage;
import dev.sluice.core.lineage.ProjectLineage;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Seed;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.Warehouse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the docs site shows, as one JSON tree the page's script reads. */
public final class DocsData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocsData() {}

  /**
   * @param compiler compiles each node's SQL for display; null to leave compiled SQL out
   * @param lastResults each node's newest result in the run history
   */
  public static ObjectNode of(
      Manifest manifest,
      Target target,
      ProjectLineage lineage,
      KnownColumns warehouse,
      Compiler compiler,
      Map<String, NodeResult> lastResults) {
    ObjectNode root = JSON.createObjectNode();
    root.put("project", manifest.project().name());
    root.put("generated_at", Instant.now().toString());
    ArrayNode nodes = root.putArray("nodes");
    for (Node n : manifest.project().nodes()) {
      if (n.kind() == NodeKind.TEST) {
        continue; // shown with the node they check
      }
      ObjectNode j = nodes.addObject();
      j.put("id", n.uniqueId());
      j.put("name", n instanceof SourceTable s ? s.qualifiedName() : n.name());
      j.put("kind", n.kind().label());
      j.put("description", n.description() == null ? "" : n.description());
      j.put("file", n.file().toString().replace('\\', '/'));
      j.put("materialized", materialized(n));
      Relation r = Relations.of(n, target);
      j.put("relation", r.cte() ? "(inlined as a CTE)" : r.schema() + "." + r.identifier());
      ArrayNode parents = j.putArray("parents");
      manifest.dag().parents(n.uniqueId()).stream()
          .filter(p -> !p.startsWith("test."))
          .forEach(parents::add);
      String sql = Manifest.sqlOf(n);
      if (sql != null) {
        j.put("sql", sql);
      }
      if (compiler != null && sql != null) {
        CompiledNode c = compiler.compile(n);
        if (c.ok() && c.sql() != null) {
          j.put("compiled", c.sql());
        }
      }
      NodeResult last = lastResults.get(n.uniqueId());
      if (last != null) {
        j.set("last_run", result(last));
      }
      columns(j.putArray("columns"), n, manifest, lineage, warehouse.of(r), lastResults);
      ArrayNode tests = j.putArray("tests");
      for (DataTest t : manifest.testsOf(n.uniqueId())) {
        if (t instanceof GenericTest g && g.columnName() != null) {
          continue; // listed with its column
        }
        tests.add(test(t, lastResults));
      }
      lineage
          .of(n.uniqueId())
          .ifPresent(
              m -> {
                ArrayNode keys = j.putArray("keys");
                m.keys().forEach(k -> keys.add(link(k)));
                ArrayNode problems = j.putArray("lineage_problems");
                m.problems().forEach(problems::add);
              });
    }
    return root;
  }

  private static void columns(
      ArrayNode out,
      Node n,
      Manifest manifest,
      ProjectLineage lineage,
      List<Warehouse.ColumnInfo> built,
      Map<String, NodeResult> lastResults) {
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
    for (String name : lineage.columnsOf(n.uniqueId())) {
      byName.put(name.toLowerCase(java.util.Locale.ROOT), column(name));
    }
    for (Warehouse.ColumnInfo c : built) {
      byName
          .computeIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), k -> column(c.name()))
          .put("type", c.type());
    }
    for (Column c : declared(n)) {
      ObjectNode j =
          byName.computeIfAbsent(
              c.name().toLowerCase(java.util.Locale.ROOT), k -> column(c.name()));
      j.put("description", c.description() == null ? "" : c.description());
      if (!j.has("type") && c.dataType() != null) {
        j.put("type", c.dataType());
      }
    }
    ModelLineage m = lineage.of(n.uniqueId()).orElse(null);
    for (ObjectNode j : byName.values()) {
      String name = j.path("name").asText();
      ArrayNode tests = j.putArray("tests");
      for (DataTest t : manifest.testsOf(n.uniqueId())) {
        if (t instanceof GenericTest g && name.equalsIgnoreCase(g.columnName())) {
          tests.add(test(t, lastResults));
        }
      }
      if (m != null) {
        ColumnLineage c = m.column(name).orElse(null);
        ArrayNode sources = j.putArray("sources");
        if (c == null) {
          j.put("unknown", "not among the columns its SQL yields");
        } else {
          c.sources().forEach(l -> sources.add(link(l)));
          if (c.unknown() != null) {
            j.put("unknown", c.unknown());
          }
        }
      }
      out.add(j);
    }
  }

  private static ObjectNode column(String name) {
    ObjectNode j = JSON.createObjectNode();
    j.put("name", name);
    j.put("description", "");
    return j;
  }

  private static List<Column> declared(Node n) {
    if (n instanceof Model m) {
      return m.columns();
    }
    if (n instanceof Seed s) {
      return s.columns();
    }
    if (n instanceof SourceTable s) {
      return s.columns();
    }
    return List.of();
  }

  private static ArrayNode link(Link l) {
    ArrayNode a = JSON.createArrayNode();
    a.add(l.from().node());
    a.add(l.from().column());
    a.add(l.how().label());
    return a;
  }

  private static ObjectNode test(DataTest t, Map<String, NodeResult> lastResults) {
    ObjectNode j = JSON.createObjectNode();
    j.put("name", t instanceof GenericTest g ? g.testName() : t.name());
    j.put("id", t.uniqueId());
    NodeResult r = lastResults.get(t.uniqueId());
    if (r != null) {
      j.set("last_run", result(r));
    }
    return j;
  }

  private static ObjectNode result(NodeResult r) {
    ObjectNode j = JSON.createObjectNode();
    j.put("status", r.status().label());
    j.put("at", r.startedAt() == null ? "" : r.startedAt().toString());
    if (r.rows() >= 0) {
      j.put("rows", r.rows());
    }
    if (r.message() != null) {
      j.put("message", r.message());
    }
    return j;
  }

  private static String materialized(Node n) {
    return switch (n.kind()) {
      case MODEL -> n.config().materialized("view");
      case SEED -> "seed";
      case SNAPSHOT -> "snapshot";
      case SOURCE -> "source";
      case EXPORT -> "export";
      case TEST -> "test";
    };
  }
}

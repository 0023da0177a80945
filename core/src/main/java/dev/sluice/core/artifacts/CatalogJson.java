package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.lineage.KnownColumns;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.Warehouse;
import java.time.Instant;
import java.util.List;

/**
 * {@code catalog.json} in dbt's v1 shape: each built relation's columns and types as the warehouse
 * has them. Nodes not built yet are absent, as in dbt.
 */
public final class CatalogJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogJson() {}

  public static ObjectNode of(
      Manifest manifest,
      Target target,
      KnownColumns columns,
      Catalog catalog,
      String invocationId) {
    String project = manifest.project().name();
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("metadata");
    meta.put("dbt_schema_version", DbtVersion.CATALOG);
    meta.put("dbt_version", DbtVersion.DBT);
    meta.put("generated_at", Instant.now().toString());
    meta.put("invocation_id", invocationId);
    meta.putObject("env");
    ObjectNode nodes = root.putObject("nodes");
    ObjectNode sources = root.putObject("sources");
    for (Node n : manifest.project().nodes()) {
      if (n.kind() == NodeKind.TEST || n.kind() == NodeKind.EXPORT) {
        continue;
      }
      Relation r = Relations.of(n, target);
      List<Warehouse.ColumnInfo> cols = columns.of(r);
      if (r.cte() || cols.isEmpty()) {
        continue;
      }
      String id = DbtIds.of(project, n.uniqueId());
      ObjectNode t = (n.kind() == NodeKind.SOURCE ? sources : nodes).putObject(id);
      ObjectNode tm = t.putObject("metadata");
      tm.put(
          "type",
          catalog
              .kind(r)
              .map(k -> k == Warehouse.RelationKind.VIEW ? "VIEW" : "BASE TABLE")
              .orElse("BASE TABLE"));
      tm.put("schema", r.schema());
      tm.put("name", r.identifier());
      tm.put("database", ManifestJson.database(target));
      tm.putNull("comment");
      tm.putNull("owner");
      ObjectNode c = t.putObject("columns");
      for (int i = 0; i < cols.size(); i++) {
        ObjectNode col = c.putObject(cols.get(i).name());
        col.put("type", cols.get(i).type());
        col.put("index", i + 1);
        col.put("name", cols.get(i).name());
        col.putNull("comment");
      }
      ObjectNode stats = t.putObject("stats");
      ObjectNode has = stats.putObject("has_stats");
      has.put("id", "has_stats");
      has.put("label", "Has Stats?");
      has.put("value", false);
      has.put("include", false);
      has.put("description", "Indicates whether there are statistics for this table");
      t.put("unique_id", id);
    }
    root.putArray("errors");
    return root;
  }
}

package dev.sluice.core.lineage;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.RenderRequest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.Seed;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column lineage of a whole project: every model and snapshot analysed in build order, so each
 * one knows its upstreams' columns (for {@code select *}), and walks upstream and downstream over
 * them. Sources and seeds take their columns from the warehouse, else from schema files or the
 * seed's CSV header.
 */
public final class ProjectLineage {
  private static final List<String> SNAPSHOT_COLUMNS =
      List.of("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to");

  private final Manifest manifest;
  private final Map<String, ModelLineage> models;
  private final Map<String, Upstream> shapes;
  private final Upstream.Finder finder;

  private ProjectLineage(
      Manifest manifest,
      Map<String, ModelLineage> models,
      Map<String, Upstream> shapes,
      Upstream.Finder finder) {
    this.manifest = manifest;
    this.models = models;
    this.shapes = shapes;
    this.finder = finder;
  }

  /** Analyses SQL as if it were the model's, against the upstreams as they are now. */
  ModelLineage analyse(String nodeId, String renderedSql, String file) {
    try (SqlTrees trees = new SqlTrees()) {
      return new ModelAnalysis(trees, finder).analyse(nodeId, "edit", renderedSql, file);
    }
  }

  public static ProjectLineage compute(
      Manifest manifest,
      Target target,
      TemplateEngine engine,
      KnownColumns warehouse,
      LineageCache cache) {
    Map<String, Upstream> shapes = new HashMap<>();
    Map<String, String> byRelation = new HashMap<>();
    for (Node n : manifest.project().nodes()) {
      Relation r = Relations.of(n, target);
      byRelation.put(relationKey(r.cte() ? "" : r.schema(), r.identifier()), n.uniqueId());
      if (!r.cte() && r.schema().equalsIgnoreCase(target.schema())) {
        byRelation.putIfAbsent(relationKey("", r.identifier()), n.uniqueId());
      }
    }
    Upstream.Finder finder =
        (schema, name) -> {
          String id = byRelation.get(relationKey(schema, name));
          if (id == null) {
            return Optional.empty();
          }
          Upstream u = shapes.get(id);
          return Optional.of(u != null ? u : new Upstream(id, List.of(), true));
        };
    Map<String, ModelLineage> models = new LinkedHashMap<>();
    try (SqlTrees trees = new SqlTrees()) {
      for (String id : manifest.dag().topologicalOrderOrDeclared()) {
        Node node = manifest.node(id).orElse(null);
        if (node == null) {
          continue;
        }
        Relation relation = Relations.of(node, target);
        List<String> built = names(warehouse.of(relation));
        switch (node.kind()) {
          case SOURCE -> {
            List<Column> declared = ((SourceTable) node).columns();
            shapes.put(
                id,
                built.isEmpty()
                    ? new Upstream(id, declared.stream().map(Column::name).toList(), true)
                    : new Upstream(id, built, false));
          }
          case SEED ->
              shapes.put(
                  id,
                  built.isEmpty()
                      ? header((Seed) node, manifest)
                          .map(h -> new Upstream(id, h, false))
                          .orElse(new Upstream(id, List.of(), true))
                      : new Upstream(id, built, false));
          case MODEL, SNAPSHOT -> {
            Rendered r =
                engine.render(
                    new RenderRequest(
                        node, Manifest.sqlOf(node), n -> Relations.of(n, target), false));
            String hash = hash(id, r.sql(), manifest, shapes);
            ModelLineage m = cache.get(hash);
            if (m == null) {
              m =
                  new ModelAnalysis(trees, finder)
                      .analyse(id, hash, r.sql(), node.file().toString());
              cache.put(m);
            }
            models.put(id, m);
            List<String> cols = new ArrayList<>(m.columnNames());
            if (node.kind() == NodeKind.SNAPSHOT) {
              SNAPSHOT_COLUMNS.forEach(
                  c -> {
                    if (!cols.contains(c)) cols.add(c);
                  });
            }
            boolean open = !m.complete() || !m.problems().isEmpty();
            shapes.put(
                id,
                open && !built.isEmpty()
                    ? new Upstream(id, built, false)
                    : new Upstream(id, cols, open));
          }
          case TEST, EXPORT -> {}
        }
      }
    }
    return new ProjectLineage(manifest, models, shapes, finder);
  }

  private static List<String> names(List<Warehouse.ColumnInfo> cols) {
    return cols.stream().map(Warehouse.ColumnInfo::name).toList();
  }

  private static Optional<List<String>> header(Seed seed, Manifest manifest) {
    try (BufferedReader r =
        Files.newBufferedReader(
            manifest.project().root().resolve(seed.file()), StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null || line.isBlank()) {
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      for (String s : line.split(",", -1)) {
        out.add(s.strip().replaceAll("^\"|\"$", ""));
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String hash(
      String id, String sql, Manifest manifest, Map<String, Upstream> shapes) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(id.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(sql.getBytes(StandardCharsets.UTF_8));
      for (String parent : manifest.dag().parents(id)) {
        Upstream u = shapes.get(parent);
        d.update(
            ("\u0000" + parent + (u == null ? "?" : u.columns() + "" + u.open()))
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String relationKey(String schema, String name) {
    return (schema == null ? "" : schema.toLowerCase(Locale.ROOT))
        + "."
        + name.toLowerCase(Locale.ROOT);
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The lineage of a model or snapshot, one hop upstream. */
  public Optional<ModelLineage> of(String nodeId) {
    return Optional.ofNullable(models.get(nodeId));
  }

  public Map<String, ModelLineage> models() {
    return java.util.Collections.unmodifiableMap(models);
  }

  /** A node's columns as lineage knows them: analysed for models, read for sources and seeds. */
  public List<String> columnsOf(String nodeId) {
    Upstream u = shapes.get(nodeId);
    return u == null ? List.of() : u.columns();
  }

  /** The columns that read {@code column} directly (one hop downstream), with how. */
  public List<Link> readers(ColumnRef column) {
    List<Link> out = new ArrayList<>();
    for (String child : manifest.dag().children(column.node())) {
      ModelLineage m = models.get(child);
      if (m == null) {
        continue;
      }
      for (ColumnLineage c : m.columns()) {
        for (Link l : c.sources()) {
          if (l.from().node().equals(column.node())
              && l.from().column().equalsIgnoreCase(column.column())) {
            out.add(new Link(new ColumnRef(child, c.column()), l.how()));
          }
        }
      }
      for (Link k : m.keys()) {
        if (k.from().node().equals(column.node())
            && k.from().column().equalsIgnoreCase(column.column())) {
          out.add(new Link(new ColumnRef(child, "*"), k.how()));
        }
      }
    }
    return out;
  }
}

package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Seed;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code manifest.json} in dbt's v12 shape: every enabled node with its configuration, columns,
 * dependencies and code; parent and child maps. Sluice's exports have no dbt counterpart and are
 * left out.
 */
public final class ManifestJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestJson() {}

  /**
   * @param compiled compiled SQL by Sluice node id, for the nodes compiled or run this time
   */
  public static ObjectNode of(
      Manifest manifest, Target target, Map<String, String> compiled, String invocationId) {
    String project = manifest.project().name();
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("metadata");
    meta.put("dbt_schema_version", DbtVersion.MANIFEST);
    meta.put("dbt_version", DbtVersion.DBT);
    meta.put("generated_at", Instant.now().toString());
    meta.put("invocation_id", invocationId);
    meta.putObject("env");
    meta.put("project_name", project);
    meta.put("project_id", md5(project));
    meta.putNull("user_id");
    meta.put("send_anonymous_usage_stats", false);
    meta.put("adapter_type", target.type());
    ObjectNode nodes = root.putObject("nodes");
    ObjectNode sources = root.putObject("sources");
    ObjectNode parentMap = JSON.createObjectNode();
    ObjectNode childMap = JSON.createObjectNode();
    for (Node n : manifest.project().nodes()) {
      if (n.kind() == dev.sluice.core.project.NodeKind.EXPORT) {
        continue;
      }
      String id = DbtIds.of(project, n.uniqueId());
      ObjectNode json =
          n instanceof SourceTable s
              ? source(manifest, target, s)
              : node(manifest, target, n, compiled.get(n.uniqueId()));
      (n instanceof SourceTable ? sources : nodes).set(id, json);
      ArrayNode parents = parentMap.putArray(id);
      manifest.dag().parents(n.uniqueId()).stream()
          .filter(p -> !p.startsWith("export."))
          .forEach(p -> parents.add(DbtIds.of(project, p)));
      ArrayNode children = childMap.putArray(id);
      manifest.dag().children(n.uniqueId()).stream()
          .filter(c -> !c.startsWith("export."))
          .forEach(c -> children.add(DbtIds.of(project, c)));
    }
    for (String empty :
        List.of(
            "macros",
            "docs",
            "exposures",
            "metrics",
            "groups",
            "selectors",
            "disabled",
            "saved_queries",
            "semantic_models",
            "unit_tests")) {
      root.putObject(empty);
    }
    root.set("parent_map", parentMap);
    root.set("child_map", childMap);
    root.putObject("group_map");
    return root;
  }

  private static ObjectNode node(Manifest manifest, Target target, Node n, String compiledSql) {
    String project = manifest.project().name();
    ObjectNode j = common(manifest, target, n);
    j.put("resource_type", n.kind().label());
    Relation r = Relations.of(n, target);
    j.put("alias", r.identifier());
    j.set("checksum", checksum(manifest, n));
    j.set("config", config(n));
    j.set("tags", tags(n));
    j.putObject("meta");
    ObjectNode docs = j.putObject("docs");
    docs.put("show", true);
    docs.putNull("node_color");
    j.set("columns", columns(columnsOf(n)));
    if (r.cte()) {
      j.putNull("relation_name");
    } else {
      j.put("relation_name", relationName(target, r));
    }
    String raw = Manifest.sqlOf(n);
    j.put("raw_code", raw == null ? "" : raw);
    j.put("language", "sql");
    Rendered parsed = manifest.parsed().get(n.uniqueId());
    ArrayNode refs = j.putArray("refs");
    ArrayNode srcs = j.putArray("sources");
    if (parsed != null) {
      for (String ref : parsed.refs()) {
        ObjectNode o = refs.addObject();
        o.put("name", ref);
        o.putNull("package");
        o.putNull("version");
      }
      for (List<String> s : parsed.sources()) {
        ArrayNode pair = srcs.addArray();
        s.forEach(pair::add);
      }
    }
    j.putArray("metrics");
    ObjectNode dependsOn = j.putObject("depends_on");
    dependsOn.putArray("macros");
    ArrayNode deps = dependsOn.putArray("nodes");
    manifest.dag().parents(n.uniqueId()).forEach(p -> deps.add(DbtIds.of(project, p)));
    j.put("compiled", compiledSql != null);
    if (compiledSql != null) {
      j.put("compiled_code", compiledSql);
    }
    if (n instanceof GenericTest g) {
      ObjectNode tm = j.putObject("test_metadata");
      tm.put("name", g.testName());
      ObjectNode kwargs = tm.putObject("kwargs");
      g.arguments().forEach((k, v) -> kwargs.set(k, JSON.valueToTree(v)));
      if (g.columnName() != null) {
        kwargs.put("column_name", g.columnName());
        j.put("column_name", g.columnName());
      }
      manifest
          .node(g.attachedTo())
          .ifPresent(
              a ->
                  kwargs.put(
                      "model",
                      "{{ get_where_subquery("
                          + (a instanceof SourceTable s
                              ? "source('" + s.sourceName() + "', '" + s.name() + "')"
                              : "ref('" + a.name() + "')")
                          + ") }}"));
      tm.putNull("namespace");
      j.put("attached_node", DbtIds.of(project, g.attachedTo()));
    }
    if (n instanceof Seed) {
      // a seed has no code to compile and reads nothing
      j.remove(List.of("language", "refs", "sources", "metrics", "compiled", "compiled_code"));
      dependsOn.remove("nodes");
    }
    if (n instanceof Model) {
      j.put("access", "protected");
      ObjectNode contract = j.putObject("contract");
      contract.put("enforced", false);
      contract.put("alias_types", true);
    }
    return j;
  }

  private static ObjectNode source(Manifest manifest, Target target, SourceTable s) {
    ObjectNode j = common(manifest, target, s);
    j.put("resource_type", "source");
    j.put("source_name", s.sourceName());
    j.put("source_description", "");
    j.put("loader", s.isLoaded() ? "sluice:" + s.load().connector() : "");
    j.put("identifier", s.identifier());
    j.set("columns", columns(s.columns()));
    j.putObject("meta");
    j.putObject("source_meta");
    j.set("tags", tags(s));
    j.put("relation_name", relationName(target, Relation.table(s.schema(), s.identifier())));
    ObjectNode config = j.putObject("config");
    config.put("enabled", true);
    return j;
  }

  private static ObjectNode common(Manifest manifest, Target target, Node n) {
    String project = manifest.project().name();
    ObjectNode j = JSON.createObjectNode();
    Relation r = Relations.of(n, target);
    j.put("database", database(target));
    j.put("schema", r.cte() ? target.schema() : r.schema());
    j.put("name", n.name());
    j.put("package_name", manifest.project().packageOf(n));
    String file = n.file().toString().replace('\\', '/');
    j.put("path", pathInFolder(manifest, n, file));
    j.put("original_file_path", file);
    j.put("unique_id", DbtIds.of(project, n.uniqueId()));
    j.set("fqn", fqn(project, n));
    j.put("description", n.description() == null ? "" : n.description());
    return j;
  }

  /** dbt's {@code path} is relative to the model (or seed, ...) folder it was found in. */
  private static String pathInFolder(Manifest manifest, Node n, String file) {
    if (n instanceof GenericTest) {
      return n.name() + ".sql";
    }
    var s = manifest.project().settings();
    for (List<String> roots :
        List.of(s.modelPaths(), s.seedPaths(), s.snapshotPaths(), s.testPaths(), s.sourcePaths())) {
      for (String root : roots) {
        String prefix = root.endsWith("/") ? root : root + "/";
        if (file.startsWith(prefix)) {
          return file.substring(prefix.length());
        }
      }
    }
    return file;
  }

  static ArrayNode fqn(String project, Node n) {
    ArrayNode a = JSON.createArrayNode();
    a.add(project);
    if (n instanceof SourceTable s) {
      a.add(s.sourceName());
    } else {
      String folder =
          n instanceof Model m ? m.folder() : n instanceof Seed seed ? seed.folder() : "";
      if (folder != null && !folder.isBlank()) {
        for (String part : folder.replace('\\', '/').split("/")) {
          if (!part.isBlank()) {
            a.add(part);
          }
        }
      }
    }
    a.add(n.name());
    return a;
  }

  private static ObjectNode config(Node n) {
    ObjectNode c = JSON.valueToTree(n.config().values());
    c.put("enabled", n.config().bool("enabled", true));
    String defaultMaterialization =
        switch (n.kind()) {
          case MODEL -> "view";
          case SEED -> "seed";
          case SNAPSHOT -> "snapshot";
          case TEST -> "test";
          case SOURCE, EXPORT -> "view";
        };
    c.put("materialized", n.config().materialized(defaultMaterialization));
    c.set("tags", tags(n));
    if (!(c.get("meta") instanceof ObjectNode)) {
      c.putObject("meta");
    }
    if (c.has("docs") && !(c.get("docs") instanceof ObjectNode)) {
      c.remove("docs");
    }
    if (n.kind() == dev.sluice.core.project.NodeKind.TEST) {
      c.put("severity", ((dev.sluice.core.project.DataTest) n).severity().toUpperCase(Locale.ROOT));
    }
    return c;
  }

  /** Tags as a list, however the project wrote them (one string or a list). */
  static ArrayNode tags(Node n) {
    ArrayNode a = JSON.createArrayNode();
    Object t = n.config().get("tags");
    if (t instanceof List<?> l) {
      l.forEach(x -> a.add(String.valueOf(x)));
    } else if (t != null) {
      a.add(t.toString());
    }
    return a;
  }

  private static List<Column> columnsOf(Node n) {
    if (n instanceof Model m) {
      return m.columns();
    }
    if (n instanceof Seed s) {
      return s.columns();
    }
    return List.of();
  }

  static ObjectNode columns(List<Column> columns) {
    ObjectNode o = JSON.createObjectNode();
    for (Column c : columns) {
      ObjectNode col = o.putObject(c.name());
      col.put("name", c.name());
      col.put("description", c.description() == null ? "" : c.description());
      col.putObject("meta");
      if (c.dataType() == null) {
        col.putNull("data_type");
      } else {
        col.put("data_type", c.dataType());
      }
      col.putArray("constraints");
      col.putNull("quote");
      col.putArray("tags");
    }
    return o;
  }

  private static ObjectNode checksum(Manifest manifest, Node n) {
    ObjectNode c = JSON.createObjectNode();
    c.put("name", "sha256");
    String text = Manifest.sqlOf(n);
    if (text == null) {
      try {
        Path p = manifest.project().root().resolve(n.file());
        text = Files.isRegularFile(p) ? Files.readString(p) : n.uniqueId();
      } catch (IOException e) {
        text = n.uniqueId();
      }
    }
    if (n instanceof GenericTest g) {
      text = g.testName() + g.attachedTo() + g.columnName() + g.arguments();
    }
    c.put("checksum", sha256(text));
    return c;
  }

  /** The database name dbt-duckdb gives a target: its file name without the extension. */
  public static String database(Target target) {
    String path = target.path();
    if (path == null || path.isBlank() || path.equals(":memory:")) {
      return "memory";
    }
    String file = Path.of(path).getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  static String relationName(Target target, Relation r) {
    return "\"" + database(target) + "\"." + r.quoted();
  }

  static String sha256(String text) {
    return digest("SHA-256", text);
  }

  private static String md5(String text) {
    return digest("MD5", text);
  }

  private static String digest(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

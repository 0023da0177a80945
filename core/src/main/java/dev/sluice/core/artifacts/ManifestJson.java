package dev.sluice.core.artifacts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code manifest.json} in dbt's v12 shape: every enabled node with its configuration, columns,
 * dependencies and code; parent and child maps. Sluice's exports have no dbt counterpart and are
 * left out.
 */
public final class ManifestJson {
  /**
   * Writes values of other kinds than {@link #value} writes into a generator, without flushing it
   * after each; made on first use (setting an object mapper up cost a one-edit compile of 10,000
   * models a tenth of its time, and its values are nearly always strings, lists and maps).
   */
  private static final class Mapper {
    static final ObjectMapper JSON =
        new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
  }

  private ManifestJson() {}

  /**
   * @param compiled compiled SQL by Sluice node id, for the nodes compiled or run this time
   */
  public static ObjectNode of(
      Manifest manifest, Target target, Map<String, String> compiled, String invocationId) {
    try {
      TokenBuffer buffer = new TokenBuffer(Mapper.JSON, false);
      write(buffer, manifest, target, compiled, invocationId);
      return (ObjectNode) Mapper.JSON.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Writes what {@link #of} gives straight to {@code g}, node by node: for 10,000 models making the
   * tree first took as long as writing it.
   */
  public static void write(
      JsonGenerator g,
      Manifest manifest,
      Target target,
      Map<String, String> compiled,
      String invocationId)
      throws IOException {
    write(g, null, null, manifest, target, compiled, invocationId);
  }

  /** Makes a generator that writes UTF-8 to a stream, as the one given to {@link #write}. */
  public interface Generators {
    JsonGenerator on(java.io.OutputStream out) throws IOException;
  }

  /** Past this many nodes a second thread writes half of them. */
  static final int TWO_THREADS_FROM = 2_000;

  /**
   * As {@link #write(JsonGenerator, Manifest, Target, Map, String)}, to {@code out} through a
   * generator of {@code generators}; for a large project a second thread writes half the nodes into
   * memory meanwhile (each node's JSON stands alone), spliced in after the first half: for 10,000
   * models writing the nodes was most of a one-edit compile's last half second.
   */
  public static void write(
      java.io.OutputStream out,
      Generators generators,
      Manifest manifest,
      Target target,
      Map<String, String> compiled,
      String invocationId)
      throws IOException {
    try (JsonGenerator g = generators.on(out)) {
      write(g, out, generators, manifest, target, compiled, invocationId);
    }
  }

  private static void write(
      JsonGenerator g,
      java.io.OutputStream out,
      Generators generators,
      Manifest manifest,
      Target target,
      Map<String, String> compiled,
      String invocationId)
      throws IOException {
    String project = manifest.project().name();
    g.writeStartObject();
    g.writeObjectFieldStart("metadata");
    g.writeStringField("dbt_schema_version", DbtVersion.MANIFEST);
    g.writeStringField("dbt_version", DbtVersion.DBT);
    g.writeStringField("generated_at", Instant.now().toString());
    g.writeStringField("invocation_id", invocationId);
    g.writeObjectFieldStart("env");
    g.writeEndObject();
    g.writeStringField("project_name", project);
    g.writeStringField("project_id", md5(project));
    g.writeNullField("user_id");
    g.writeBooleanField("send_anonymous_usage_stats", false);
    g.writeStringField("adapter_type", target.type());
    g.writeEndObject();
    List<Node> nodes = new ArrayList<>();
    List<Node> sources = new ArrayList<>();
    for (Node n : manifest.project().nodes()) {
      if (n.kind() != dev.sluice.core.project.NodeKind.EXPORT) {
        (n instanceof SourceTable ? sources : nodes).add(n);
      }
    }
    g.writeObjectFieldStart("nodes");
    if (out != null && nodes.size() >= TWO_THREADS_FROM) {
      int half = nodes.size() / 2;
      dev.sluice.core.io.Aside<byte[]> rest =
          dev.sluice.core.io.Aside.start(
              "sluice-manifest",
              () -> {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(1 << 20);
                try (JsonGenerator h = generators.on(b)) {
                  h.writeStartObject();
                  nodes(h, manifest, target, nodes.subList(half, nodes.size()), compiled);
                  h.writeEndObject();
                }
                return b.toByteArray();
              });
      nodes(g, manifest, target, nodes.subList(0, half), compiled);
      byte[] second = rest.join();
      // the second half's entries, without the braces around them, after the first half's
      g.flush();
      out.write(',');
      out.write(second, 1, second.length - 2);
    } else {
      nodes(g, manifest, target, nodes, compiled);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("sources");
    for (Node n : sources) {
      g.writeFieldName(DbtIds.of(project, n.uniqueId()));
      source(g, manifest, target, (SourceTable) n);
    }
    g.writeEndObject();
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
      g.writeObjectFieldStart(empty);
      g.writeEndObject();
    }
    for (boolean parents : new boolean[] {true, false}) {
      g.writeObjectFieldStart(parents ? "parent_map" : "child_map");
      for (Node n : manifest.project().nodes()) {
        if (n.kind() == dev.sluice.core.project.NodeKind.EXPORT) {
          continue;
        }
        g.writeArrayFieldStart(DbtIds.of(project, n.uniqueId()));
        for (String other :
            parents
                ? manifest.dag().parents(n.uniqueId())
                : manifest.dag().children(n.uniqueId())) {
          if (!other.startsWith("export.")) {
            g.writeString(DbtIds.of(project, other));
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeObjectFieldStart("group_map");
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void nodes(
      JsonGenerator g,
      Manifest manifest,
      Target target,
      List<Node> nodes,
      Map<String, String> compiled)
      throws IOException {
    String project = manifest.project().name();
    for (Node n : nodes) {
      g.writeFieldName(DbtIds.of(project, n.uniqueId()));
      node(g, manifest, target, n, compiled.get(n.uniqueId()));
    }
  }

  private static void node(
      JsonGenerator g, Manifest manifest, Target target, Node n, String compiledSql)
      throws IOException {
    String project = manifest.project().name();
    boolean seed = n instanceof Seed;
    g.writeStartObject();
    common(g, manifest, target, n);
    g.writeStringField("resource_type", n.kind().label());
    Relation r = Relations.of(n, target);
    g.writeStringField("alias", r.identifier());
    g.writeObjectFieldStart("checksum");
    g.writeStringField("name", "sha256");
    g.writeStringField("checksum", sha256(checksumText(manifest, n)));
    g.writeEndObject();
    g.writeFieldName("config");
    config(g, n);
    g.writeFieldName("tags");
    tags(g, n);
    g.writeObjectFieldStart("meta");
    g.writeEndObject();
    g.writeObjectFieldStart("docs");
    g.writeBooleanField("show", true);
    g.writeNullField("node_color");
    g.writeEndObject();
    g.writeFieldName("columns");
    columns(g, columnsOf(n));
    if (r.cte()) {
      g.writeNullField("relation_name");
    } else {
      g.writeStringField("relation_name", relationName(target, r));
    }
    String raw = Manifest.sqlOf(n);
    g.writeStringField("raw_code", raw == null ? "" : raw);
    Rendered parsed = manifest.parsed().get(n.uniqueId());
    if (!seed) {
      // a seed has no code to compile and reads nothing
      g.writeStringField("language", "sql");
      g.writeArrayFieldStart("refs");
      if (parsed != null) {
        for (String ref : parsed.refs()) {
          g.writeStartObject();
          g.writeStringField("name", ref);
          g.writeNullField("package");
          g.writeNullField("version");
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sources");
      if (parsed != null) {
        for (List<String> s : parsed.sources()) {
          g.writeStartArray();
          for (String part : s) {
            g.writeString(part);
          }
          g.writeEndArray();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("metrics");
      g.writeEndArray();
    }
    g.writeObjectFieldStart("depends_on");
    g.writeArrayFieldStart("macros");
    g.writeEndArray();
    if (!seed) {
      g.writeArrayFieldStart("nodes");
      for (String p : manifest.dag().parents(n.uniqueId())) {
        g.writeString(DbtIds.of(project, p));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    if (!seed) {
      g.writeBooleanField("compiled", compiledSql != null);
      if (compiledSql != null) {
        g.writeStringField("compiled_code", compiledSql);
      }
    }
    if (n instanceof GenericTest t) {
      g.writeObjectFieldStart("test_metadata");
      g.writeStringField("name", t.testName());
      g.writeObjectFieldStart("kwargs");
      Map<String, Object> kwargs = new LinkedHashMap<>(t.arguments());
      if (t.columnName() != null) {
        kwargs.put("column_name", t.columnName());
      }
      manifest
          .node(t.attachedTo())
          .ifPresent(
              a ->
                  kwargs.put(
                      "model",
                      "{{ get_where_subquery("
                          + (a instanceof SourceTable s
                              ? "source('" + s.sourceName() + "', '" + s.name() + "')"
                              : "ref('" + a.name() + "')")
                          + ") }}"));
      for (Map.Entry<String, Object> e : kwargs.entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
      g.writeNullField("namespace");
      g.writeEndObject();
      if (t.columnName() != null) {
        g.writeStringField("column_name", t.columnName());
      }
      g.writeStringField("attached_node", DbtIds.of(project, t.attachedTo()));
    }
    if (n instanceof Model) {
      g.writeStringField("access", "protected");
      g.writeObjectFieldStart("contract");
      g.writeBooleanField("enforced", false);
      g.writeBooleanField("alias_types", true);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, Manifest manifest, Target target, SourceTable s)
      throws IOException {
    g.writeStartObject();
    common(g, manifest, target, s);
    g.writeStringField("resource_type", "source");
    g.writeStringField("source_name", s.sourceName());
    g.writeStringField("source_description", "");
    g.writeStringField("loader", s.isLoaded() ? "sluice:" + s.load().connector() : "");
    g.writeStringField("identifier", s.identifier());
    g.writeFieldName("columns");
    columns(g, s.columns());
    g.writeObjectFieldStart("meta");
    g.writeEndObject();
    g.writeObjectFieldStart("source_meta");
    g.writeEndObject();
    g.writeFieldName("tags");
    tags(g, s);
    g.writeStringField(
        "relation_name", relationName(target, Relation.table(s.schema(), s.identifier())));
    g.writeObjectFieldStart("config");
    g.writeBooleanField("enabled", true);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void common(JsonGenerator g, Manifest manifest, Target target, Node n)
      throws IOException {
    String project = manifest.project().name();
    Relation r = Relations.of(n, target);
    g.writeStringField("database", database(target));
    g.writeStringField("schema", r.cte() ? target.schema() : r.schema());
    g.writeStringField("name", n.name());
    g.writeStringField("package_name", manifest.project().packageOf(n));
    String file = n.file().toString().replace('\\', '/');
    g.writeStringField("path", pathInFolder(manifest, n, file));
    g.writeStringField("original_file_path", file);
    g.writeStringField("unique_id", DbtIds.of(project, n.uniqueId()));
    g.writeArrayFieldStart("fqn");
    for (String part : fqn(project, n)) {
      g.writeString(part);
    }
    g.writeEndArray();
    g.writeStringField("description", n.description() == null ? "" : n.description());
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

  static List<String> fqn(String project, Node n) {
    List<String> a = new ArrayList<>();
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

  /**
   * The node's configuration as dbt shows it: its own values in their order, with {@code enabled},
   * {@code materialized}, {@code tags} and {@code meta} always there (written where the node's own
   * value was, else after them) and a {@code docs} that is not an object left out.
   */
  /** A configuration or argument value: plain ones by the streaming generator alone. */
  private static void value(JsonGenerator g, Object v) throws IOException {
    if (dev.sluice.core.parse.ParseCache.plain(v)) {
      dev.sluice.core.parse.ParseCache.writePlain(g, v);
    } else {
      Mapper.JSON.writeValue(g, v); // as it always was written
    }
  }

  private static void config(JsonGenerator g, Node n) throws IOException {
    String defaultMaterialization =
        switch (n.kind()) {
          case MODEL -> "view";
          case SEED -> "seed";
          case SNAPSHOT -> "snapshot";
          case TEST -> "test";
          case SOURCE, EXPORT -> "view";
        };
    Map<String, Object> values = n.config().values();
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("enabled", n.config().bool("enabled", true));
    fixed.put("materialized", n.config().materialized(defaultMaterialization));
    fixed.put("tags", tagList(n));
    if (!(values.get("meta") instanceof Map<?, ?>)) {
      fixed.put("meta", Map.of());
    }
    if (n.kind() == dev.sluice.core.project.NodeKind.TEST) {
      fixed.put(
          "severity", ((dev.sluice.core.project.DataTest) n).severity().toUpperCase(Locale.ROOT));
    }
    g.writeStartObject();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String k = e.getKey();
      if (k.equals("docs") && !(e.getValue() instanceof Map<?, ?>)) {
        continue;
      }
      g.writeFieldName(k);
      value(g, fixed.containsKey(k) ? fixed.remove(k) : e.getValue());
    }
    for (Map.Entry<String, Object> e : fixed.entrySet()) {
      g.writeFieldName(e.getKey());
      value(g, e.getValue());
    }
    g.writeEndObject();
  }

  /** Tags as a list, however the project wrote them (one string or a list). */
  private static List<String> tagList(Node n) {
    List<String> a = new ArrayList<>();
    Object t = n.config().get("tags");
    if (t instanceof List<?> l) {
      l.forEach(x -> a.add(String.valueOf(x)));
    } else if (t != null) {
      a.add(t.toString());
    }
    return a;
  }

  private static void tags(JsonGenerator g, Node n) throws IOException {
    g.writeStartArray();
    for (String t : tagList(n)) {
      g.writeString(t);
    }
    g.writeEndArray();
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

  static void columns(JsonGenerator g, List<Column> columns) throws IOException {
    g.writeStartObject();
    for (Column c : columns) {
      g.writeObjectFieldStart(c.name());
      g.writeStringField("name", c.name());
      g.writeStringField("description", c.description() == null ? "" : c.description());
      g.writeObjectFieldStart("meta");
      g.writeEndObject();
      if (c.dataType() == null) {
        g.writeNullField("data_type");
      } else {
        g.writeStringField("data_type", c.dataType());
      }
      g.writeArrayFieldStart("constraints");
      g.writeEndArray();
      g.writeNullField("quote");
      g.writeArrayFieldStart("tags");
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static String checksumText(Manifest manifest, Node n) {
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
    return text;
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

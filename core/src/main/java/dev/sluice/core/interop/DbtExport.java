package dev.sluice.core.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectSettings;
import dev.sluice.core.project.Target;
import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a Sluice project as a dbt project: dbt_project.yml and profiles.yml from sluice.yml, the
 * SQL and schema files as they are, and sources without Sluice's extraction settings (dbt reads
 * sources, it does not load them). Exports become exposures: dbt has no step that writes files.
 */
public final class DbtExport {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final Set<String> SLUICE_SOURCE_KEYS = Set.of("connector", "connection");
  private static final Set<String> SLUICE_TABLE_KEYS =
      Set.of(
          "primary_key",
          "cursor",
          "write_disposition",
          "contract",
          "soft_delete",
          "path",
          "format",
          "endpoint");

  private DbtExport() {}

  /**
   * Writes the dbt project into {@code out}, which must be empty or absent. Returns the files
   * written.
   */
  public static List<Path> write(Project project, Path out) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new IOException(out + " is not empty; choose a new folder for the dbt project");
        }
      }
    }
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    ProjectSettings s = project.settings();
    Map<String, Object> dbt = new LinkedHashMap<>();
    dbt.put("name", s.name());
    dbt.put("version", "1.0.0");
    dbt.put("config-version", 2);
    dbt.put("profile", s.name());
    dbt.put("model-paths", s.modelPaths());
    dbt.put("seed-paths", s.seedPaths());
    dbt.put("test-paths", s.testPaths());
    dbt.put("macro-paths", s.macroPaths());
    dbt.put("snapshot-paths", s.snapshotPaths());
    dbt.put("target-path", "target");
    if (!s.vars().isEmpty()) {
      dbt.put("vars", s.vars());
    }
    for (String kind : List.of("models", "seeds", "snapshots", "tests")) {
      Map<String, Object> tree = s.configTrees().get(kind);
      if (tree != null) {
        dbt.put(kind, tree.containsKey(s.name()) ? tree : Map.of(s.name(), tree));
      }
    }
    written.add(writeYaml(out.resolve("dbt_project.yml"), dbt));

    Map<String, Object> outputs = new LinkedHashMap<>();
    for (Target t : s.targets().values()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("type", "duckdb");
      o.put("path", relativeTo(project.root(), t.path()));
      o.put("schema", t.schema());
      o.put("threads", t.threads() > 0 ? t.threads() : 4);
      outputs.put(t.name(), o);
    }
    written.add(
        writeYaml(
            out.resolve("profiles.yml"),
            Map.of(s.name(), Map.of("target", s.defaultTarget(), "outputs", outputs))));

    List<String> copied = new ArrayList<>(s.modelPaths());
    copied.addAll(s.seedPaths());
    copied.addAll(s.testPaths());
    copied.addAll(s.macroPaths());
    copied.addAll(s.snapshotPaths());
    for (String dir : copied) {
      written.addAll(copyTree(project.root().resolve(dir), out.resolve(dir)));
    }
    for (String dir : s.sourcePaths()) {
      Path src = project.root().resolve(dir);
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.list(src)) {
        for (Path f :
            files
                .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                .sorted()
                .toList()) {
          Path dest = out.resolve(s.modelPaths().get(0)).resolve("_sources_" + f.getFileName());
          written.add(writeYaml(dest, withoutExtraction(f)));
        }
      }
    }
    List<Export> exports = project.nodesOf(Export.class);
    if (!exports.isEmpty()) {
      written.add(
          writeYaml(
              out.resolve(s.modelPaths().get(0)).resolve("_exports_exposures.yml"),
              exposures(exports)));
    }
    return written;
  }

  /**
   * dbt does not write files, so each export becomes an exposure: the lineage stays visible in
   * dbt's docs, but nothing writes the file there.
   */
  private static Map<String, Object> exposures(List<Export> exports) {
    List<Object> list = new ArrayList<>();
    for (Export e : exports) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", e.name());
      x.put("type", "application");
      x.put("owner", Map.of("name", "sluice export"));
      x.put("depends_on", List.of("ref('" + e.model() + "')"));
      x.put(
          "description",
          (e.description().isBlank() ? "" : e.description() + " ")
              + "Written by Sluice to "
              + e.path().toString().replace('\\', '/')
              + " as "
              + e.format().label()
              + ".");
      list.add(x);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", 2);
    out.put("exposures", list);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutExtraction(Path file) throws IOException {
    Object plain;
    try {
      plain = Yaml.read(file).plain();
    } catch (Yaml.SyntaxError e) {
      throw new IOException(file + ":" + e.line() + ": " + e.getMessage(), e);
    }
    Map<String, Object> doc =
        plain instanceof Map
            ? new LinkedHashMap<>((Map<String, Object>) plain)
            : new LinkedHashMap<>();
    List<Object> sources = new ArrayList<>();
    for (Object o : (List<Object>) doc.getOrDefault("sources", List.of())) {
      Map<String, Object> src = new LinkedHashMap<>((Map<String, Object>) o);
      SLUICE_SOURCE_KEYS.forEach(src::remove);
      src.putIfAbsent("schema", src.get("name"));
      List<Object> tables = new ArrayList<>();
      for (Object t : (List<Object>) src.getOrDefault("tables", List.of())) {
        Map<String, Object> table = new LinkedHashMap<>((Map<String, Object>) t);
        SLUICE_TABLE_KEYS.forEach(table::remove);
        tables.add(table);
      }
      src.put("tables", tables);
      sources.add(src);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", 2);
    out.put("sources", sources);
    return out;
  }

  private static String relativeTo(Path root, String path) {
    if (path.equals(":memory:")) {
      return path;
    }
    Path p = Path.of(path);
    return p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : path;
  }

  private static Path writeYaml(Path file, Object value) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, dev.sluice.core.spi.Secrets.mask(YAML.writeValueAsString(value)));
    return file;
  }

  private static List<Path> copyTree(Path from, Path to) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(from)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        Files.createDirectories(dest.getParent());
        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        out.add(dest);
      }
    }
    return out;
  }
}

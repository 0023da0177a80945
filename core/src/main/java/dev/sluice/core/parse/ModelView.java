package dev.sluice.core.parse;

import dev.sluice.core.project.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node as dbt's {@code model} and {@code graph.nodes} values show it: a dict of its fields. */
final class ModelView {
  private ModelView() {}

  static Map<String, Object> of(Node n, String packageName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", n.name());
    m.put("unique_id", n.uniqueId());
    m.put("resource_type", n.kind().label());
    m.put("package_name", packageName);
    m.put("path", n.file() == null ? "" : n.file().toString());
    m.put("original_file_path", n.file() == null ? "" : n.file().toString());
    m.put("config", n.config().values());
    m.put("tags", n.config().values().getOrDefault("tags", java.util.List.of()));
    m.put("meta", n.config().values().getOrDefault("meta", Map.of()));
    m.put("alias", n.config().string("alias") == null ? n.name() : n.config().string("alias"));
    return m;
  }
}

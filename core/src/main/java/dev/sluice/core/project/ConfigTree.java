package dev.sluice.core.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves dbt_project.yml's per-folder configuration: {@code models: shop: staging: +materialized:
 * view} applies to every model under {@code models/staging}. Deeper folders win.
 */
final class ConfigTree {
  /** Configs whose value is itself a map, so a map value is not always a folder. */
  private static final Set<String> MAP_CONFIGS =
      Set.of(
          "column_types",
          "meta",
          "persist_docs",
          "grants",
          "docs",
          "contract",
          "quoting",
          "freshness");

  private ConfigTree() {}

  static NodeConfig resolve(Map<String, Object> tree, String projectName, List<String> folders) {
    if (tree == null || tree.isEmpty()) {
      return NodeConfig.EMPTY;
    }
    NodeConfig config = NodeConfig.of(configsAt(tree));
    Map<String, Object> level = child(tree, projectName);
    if (level == null) {
      level = tree; // sluice.yml may leave out the project-name level
    } else {
      config = config.merge(configsAt(level));
    }
    for (String folder : folders) {
      level = child(level, folder);
      if (level == null) {
        break;
      }
      config = config.merge(configsAt(level));
    }
    return config;
  }

  /**
   * The root project's configs for a package's node: the top level of its tree, then the branch
   * under the package's name ({@code models: dbt_utils: +schema: utils}), with no fallback to the
   * project's own folders.
   */
  static NodeConfig resolveForPackage(
      Map<String, Object> tree, String packageName, List<String> folders) {
    if (tree == null || tree.isEmpty()) {
      return NodeConfig.EMPTY;
    }
    NodeConfig config = NodeConfig.of(configsAt(tree));
    Map<String, Object> level = child(tree, packageName);
    if (level == null) {
      return config;
    }
    config = config.merge(configsAt(level));
    for (String folder : folders) {
      level = child(level, folder);
      if (level == null) {
        break;
      }
      config = config.merge(configsAt(level));
    }
    return config;
  }

  private static Map<String, Object> configsAt(Map<String, Object> level) {
    Map<String, Object> out = new LinkedHashMap<>();
    level.forEach(
        (k, v) -> {
          if (k.startsWith("+") || !(v instanceof Map) || MAP_CONFIGS.contains(k)) {
            out.put(k.startsWith("+") ? k.substring(1) : k, v);
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> level, String key) {
    Object v = level.get(key);
    return v instanceof Map && !MAP_CONFIGS.contains(key) ? (Map<String, Object>) v : null;
  }

  static List<String> folders(String folder) {
    List<String> out = new ArrayList<>();
    if (folder != null && !folder.isEmpty()) {
      for (String p : folder.split("/")) {
        out.add(p);
      }
    }
    return out;
  }
}

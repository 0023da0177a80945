package dev.sluice.core.parse;

import dev.sluice.core.project.Node;

/**
 * {@code config} as an object: {@code config.get('key', default)} and {@code config.require('key')}
 * read the node's configuration, including what its own {@code config()} call set earlier in the
 * same file.
 */
final class ConfigView {
  private ConfigView() {}

  static DbtObject of(Node node, RenderCall call) {
    DbtObject c = new DbtObject("config", "is not supported yet");
    c.fn(
        "get",
        (a, k, r) -> {
          String key = String.valueOf(a.get("name"));
          Object v =
              call.config.containsKey(key) ? call.config.get(key) : node.config().values().get(key);
          return v == null ? a.get("default") : v;
        },
        "name",
        null,
        "default",
        null);
    c.fn(
        "require",
        (a, k, r) -> {
          String key = String.valueOf(a.get("name"));
          Object v =
              call.config.containsKey(key) ? call.config.get(key) : node.config().values().get(key);
          if (v == null) {
            throw new TemplateStop(
                "config '" + key + "' is required but not set for " + node.name());
          }
          return v;
        },
        "name",
        null);
    c.fn(
        "set",
        (a, k, r) -> {
          call.config.put(String.valueOf(a.get("name")), a.get("value"));
          return "";
        },
        "name",
        null,
        "value",
        null);
    c.fn("persist_relation_docs", (a, k, r) -> false);
    c.fn("persist_column_docs", (a, k, r) -> false);
    return c;
  }
}

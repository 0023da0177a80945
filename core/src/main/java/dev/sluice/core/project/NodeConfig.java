package dev.sluice.core.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node's configuration: materialized, schema, alias, tags, unique_key and the rest, as dbt names
 * them. It is layered: project defaults, then the schema file, then {@code config()} in the SQL;
 * later layers win, except tags, which accumulate.
 */
public record NodeConfig(Map<String, Object> values) {
  public static final NodeConfig EMPTY = new NodeConfig(Map.of());

  public NodeConfig {
    values = frozen(values);
  }

  /** An unmodifiable copy that keeps order and allows null values (YAML has them). */
  public static Map<String, Object> frozen(Map<String, ?> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  public static NodeConfig of(Map<String, ?> values) {
    Map<String, Object> clean = new LinkedHashMap<>();
    values.forEach((k, v) -> clean.put(k.startsWith("+") ? k.substring(1) : k, v));
    return new NodeConfig(clean);
  }

  /** This config with {@code overrides} laid on top. */
  public NodeConfig merge(Map<String, ?> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    Map<String, Object> out = new LinkedHashMap<>(values);
    overrides.forEach(
        (rawKey, v) -> {
          String k = rawKey.startsWith("+") ? rawKey.substring(1) : rawKey;
          if (k.equals("tags")) {
            LinkedHashSet<String> tags = new LinkedHashSet<>(asStrings(out.get("tags")));
            tags.addAll(asStrings(v));
            out.put("tags", new ArrayList<>(tags));
          } else {
            out.put(k, v);
          }
        });
    return new NodeConfig(out);
  }

  public NodeConfig merge(NodeConfig overrides) {
    return merge(overrides.values);
  }

  public Object get(String key) {
    return values.get(key);
  }

  public String string(String key) {
    Object v = values.get(key);
    return v == null ? null : v.toString();
  }

  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return Boolean.parseBoolean(v.toString());
  }

  /** view, table, incremental or ephemeral; lower case. */
  public String materialized(String fallback) {
    String m = string("materialized");
    return m == null ? fallback : m.toLowerCase(Locale.ROOT);
  }

  public boolean enabled() {
    return bool("enabled", true);
  }

  public List<String> tags() {
    return asStrings(values.get("tags"));
  }

  /** unique_key as a list: dbt accepts a string or a list. */
  public List<String> uniqueKey() {
    return asStrings(values.get("unique_key"));
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object v = values.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  public static List<String> asStrings(Object v) {
    return dev.sluice.core.spi.ConnectorConfig.strings(v);
  }
}

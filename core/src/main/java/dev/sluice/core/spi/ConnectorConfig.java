package dev.sluice.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's connection settings with {@code ${env:VAR}} references resolved. Secrets live in the
 * environment, never in the project's files.
 */
public final class ConnectorConfig {
  private static final Pattern ENV =
      Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
  private final String sourceName;
  private final Map<String, Object> values;

  private ConnectorConfig(String sourceName, Map<String, Object> values) {
    this.sourceName = sourceName;
    this.values = values;
  }

  /**
   * Resolves every {@code ${env:VAR}} (or {@code ${env:VAR:-default}}); a missing one is an error.
   */
  public static ConnectorConfig resolve(
      String sourceName, Map<String, Object> raw, Map<String, String> env) throws LoadException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      out.put(e.getKey(), resolveValue(sourceName, e.getKey(), e.getValue(), env));
    }
    return new ConnectorConfig(sourceName, out);
  }

  @SuppressWarnings("unchecked")
  private static Object resolveValue(String source, String key, Object v, Map<String, String> env)
      throws LoadException {
    if (v instanceof String s) {
      Matcher m = ENV.matcher(s);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String value = env.get(m.group(1));
        if (value == null) {
          value = m.group(2);
        }
        if (value == null) {
          throw new LoadException(
              "source "
                  + source
                  + ": "
                  + key
                  + " refers to the environment variable "
                  + m.group(1)
                  + ", which is not set; export it before running");
        }
        dev.sluice.core.spi.Secrets.remember(value); // whatever came from the environment
        m.appendReplacement(sb, Matcher.quoteReplacement(value));
      }
      m.appendTail(sb);
      String resolved = sb.toString();
      if (dev.sluice.core.spi.Secrets.isSecretName(key)) {
        dev.sluice.core.spi.Secrets.remember(resolved);
      }
      return resolved;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        out.put(e.getKey(), resolveValue(source, key + "." + e.getKey(), e.getValue(), env));
      }
      return out;
    }
    return v;
  }

  public static ConnectorConfig of(String sourceName, Map<String, Object> values) {
    return new ConnectorConfig(sourceName, new LinkedHashMap<>(values));
  }

  public String sourceName() {
    return sourceName;
  }

  public String text(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : v.toString();
  }

  public String required(String key) throws LoadException {
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      throw new LoadException(
          "source " + sourceName + ": connection setting '" + key + "' is required");
    }
    return v.toString();
  }

  public int integer(String key, int fallback) throws LoadException {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new LoadException(
          "source " + sourceName + ": '" + key + "' must be a whole number, not '" + v + "'");
    }
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object v = values.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  public Map<String, Object> values() {
    return values;
  }

  /** The setting as a list of strings (a YAML list or a comma-separated string). */
  public List<String> list(String key) {
    return strings(values.get(key));
  }

  /**
   * A setting as a list of strings: a YAML list, or a comma-separated string. Project configs
   * (tags, unique_key) read lists the same way.
   */
  public static List<String> strings(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      c.forEach(x -> out.add(String.valueOf(x)));
      return out;
    }
    String s = v.toString().trim();
    if (s.isEmpty()) {
      return List.of();
    }
    if (s.contains(",")) {
      List<String> out = new ArrayList<>();
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
      return out;
    }
    return List.of(s);
  }
}

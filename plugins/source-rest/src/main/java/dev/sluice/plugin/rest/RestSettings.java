package dev.sluice.plugin.rest;

import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.TableRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint's settings: the source's connection settings overlaid with the table's own (a table
 * may set its own {@code params}, {@code paginator} or {@code records_path}).
 */
record RestSettings(
    String baseUrl,
    String endpoint,
    Map<String, String> headers,
    Map<String, String> params,
    Map<String, Object> paginator,
    String recordsPath,
    String incrementalParam,
    Duration timeout,
    int maxRetries,
    Duration backoff) {

  static RestSettings of(ConnectorConfig c, TableRequest request) throws LoadException {
    Map<String, Object> t = request.settings();
    String base = c.required("base_url");
    String endpoint = text(t.get("endpoint"), request.table());
    Map<String, String> params = strings(c.map("params"));
    params.putAll(strings(map(t.get("params"))));
    Map<String, Object> paginator = new LinkedHashMap<>(c.map("paginator"));
    paginator.putAll(map(t.get("paginator")));
    String records = text(t.get("records_path"), c.text("records_path", ""));
    String incremental = text(t.get("incremental_param"), null);
    return new RestSettings(
        base,
        endpoint,
        strings(c.map("headers")),
        params,
        paginator,
        records,
        incremental,
        Duration.ofSeconds(c.integer("timeout_seconds", 30)),
        c.integer("max_retries", 5),
        Duration.ofMillis(c.integer("backoff_ms", 500)));
  }

  /** The first page's URL: the base URL joined with the endpoint (unless it is absolute). */
  String url() {
    if (endpoint.startsWith("http://") || endpoint.startsWith("https://")) {
      return endpoint;
    }
    String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return endpoint.isEmpty() ? b : b + (endpoint.startsWith("/") ? "" : "/") + endpoint;
  }

  String paginatorText(String key, String fallback) {
    return text(paginator.get(key), fallback);
  }

  int paginatorInt(String key, int fallback, String source) throws LoadException {
    Object v = paginator.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new LoadException(
          "source " + source + ": paginator." + key + " must be a whole number, not '" + v + "'");
    }
  }

  private static String text(Object v, String fallback) {
    return v == null ? fallback : v.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v) {
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  private static Map<String, String> strings(Map<String, Object> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
    return out;
  }
}

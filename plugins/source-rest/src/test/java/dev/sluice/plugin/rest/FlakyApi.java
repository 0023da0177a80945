package dev.sluice.plugin.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON API for tests, on 127.0.0.1 and a free port: it paginates in every supported way, asks for
 * a bearer token, answers every third request with 429 and every fifth with a 500, and can be told
 * to fail one page for good.
 */
final class FlakyApi implements AutoCloseable {
  static final String TOKEN = "Bearer it-token";
  final List<Map<String, Object>> orders = new ArrayList<>();
  final AtomicInteger requests = new AtomicInteger();
  volatile int brokenPage = -1;
  private final HttpServer server;

  FlakyApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  void order(int id, String customer, String amount, String updatedAt) {
    orders.removeIf(o -> o.get("id").equals(id));
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", id);
    o.put("customer", customer);
    o.put("amount", Double.parseDouble(amount));
    o.put("updated_at", updatedAt);
    orders.add(o);
  }

  private void handle(HttpExchange ex) throws IOException {
    int n = requests.incrementAndGet();
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    String path = ex.getRequestURI().getPath();
    if (path.endsWith("/html")) {
      send(ex, 200, "text/html", "<!doctype html><html><body>Sign in</body></html>");
      return;
    }
    if (!TOKEN.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, "application/json", "{\"error\":\"unauthorized\"}");
      return;
    }
    if (n % 3 == 0) {
      ex.getResponseHeaders().add("Retry-After", "0");
      send(ex, 429, "application/json", "{\"error\":\"slow down\"}");
      return;
    }
    if (n % 5 == 0) {
      send(ex, 503, "text/plain", "try again");
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    String since = q.get("updated_since");
    for (Map<String, Object> o : orders) {
      if (since == null || o.get("updated_at").toString().compareTo(since) > 0) {
        rows.add(o);
      }
    }
    rows.sort((a, b) -> a.get("updated_at").toString().compareTo(b.get("updated_at").toString()));
    int size = 3;
    int from =
        switch (path.substring(path.lastIndexOf('/') + 1)) {
          case "orders" ->
              (Integer.parseInt(q.getOrDefault("page", "1")) - 1)
                  * Integer.parseInt(q.getOrDefault("per_page", "3"));
          case "by_offset" -> Integer.parseInt(q.getOrDefault("offset", "0"));
          default -> Integer.parseInt(q.getOrDefault("cursor", q.getOrDefault("after", "0")));
        };
    if (from / size + 1 == brokenPage) {
      send(ex, 500, "application/json", "{\"error\":\"database is down\"}");
      return;
    }
    List<Map<String, Object>> page =
        rows.subList(Math.min(from, rows.size()), Math.min(from + size, rows.size()));
    boolean more = from + size < rows.size();
    String records = toJson(page);
    String body;
    if (path.endsWith("/by_cursor")) {
      body =
          "{\"data\":{\"items\":"
              + records
              + "},\"meta\":{\"next\":"
              + (more ? "\"" + (from + size) + "\"" : "null")
              + "}}";
    } else if (path.endsWith("/by_next_link")) {
      body =
          "{\"results\":"
              + records
              + ",\"next\":"
              + (more ? "\"by_next_link?after=" + (from + size) + "\"" : "null")
              + "}";
    } else if (path.endsWith("/by_link_header")) {
      if (more) {
        ex.getResponseHeaders()
            .add(
                "Link",
                "<" + baseUrl() + "/by_link_header?after=" + (from + size) + ">; rel=\"next\"");
      }
      body = records;
    } else {
      body = "{\"data\":" + records + "}";
    }
    send(ex, 200, "application/json", body);
  }

  private static String toJson(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder("[");
    for (Map<String, Object> r : rows) {
      sb.append(sb.length() == 1 ? "" : ",").append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : r.entrySet()) {
        sb.append(first ? "" : ",").append('"').append(e.getKey()).append("\":");
        sb.append(e.getValue() instanceof String ? "\"" + e.getValue() + "\"" : e.getValue());
        first = false;
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        q.put(
            URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

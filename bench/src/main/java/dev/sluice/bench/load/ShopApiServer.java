package dev.sluice.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The product-review API the elt_shop sample reads: {@code GET /api/v1/reviews} with a bearer
 * token, pages of 25 ({@code ?page=N&per_page=25}), and {@code updated_since} for incremental
 * loads. Every call to {@code POST /api/v1/reviews/more} adds a few newer reviews, to try an
 * incremental load. Run: {@code bin/bench shop-api [port]} (default port 8765).
 */
public final class ShopApiServer {
  private static final String TOKEN = "Bearer sample-token";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final String[] PRODUCTS = {
    "sencha", "assam", "rooibos", "oolong", "matcha", "earl-grey"
  };
  private final List<Map<String, Object>> reviews = new ArrayList<>();

  private ShopApiServer() {
    for (int i = 1; i <= 120; i++) {
      add(i, LocalDateTime.of(2026, 1, 1, 9, 0).plusHours(i * 7L));
    }
  }

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8765;
    ShopApiServer api = new ShopApiServer();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/api/v1/reviews", api::handle);
    server.start();
    System.out.println(
        "elt_shop review API on http://127.0.0.1:"
            + port
            + "/api/v1 (token: sample-token); Ctrl-C stops it");
  }

  private void add(int id, LocalDateTime at) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("customer_id", 1 + (id * 7) % 40);
    r.put("product", PRODUCTS[id % PRODUCTS.length]);
    r.put("stars", 1 + (id * 3) % 5);
    r.put("title", "Review " + id);
    r.put("updated_at", at.format(STAMP));
    reviews.add(r);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    if (ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().endsWith("/more")) {
      int next = reviews.size() + 1;
      for (int i = 0; i < 5; i++) {
        add(next + i, LocalDateTime.now().withNano(0).plusSeconds(i));
      }
      send(ex, 200, "{\"added\": 5}");
      return;
    }
    if (!TOKEN.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, "{\"error\": \"missing or wrong bearer token\"}");
      return;
    }
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    int size = Integer.parseInt(q.getOrDefault("per_page", "25"));
    String since = q.get("updated_since");
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> r : reviews) {
      if (since == null || r.get("updated_at").toString().compareTo(since) > 0) {
        matching.add(r);
      }
    }
    int from = Math.min((page - 1) * size, matching.size());
    List<Map<String, Object>> slice =
        matching.subList(from, Math.min(from + size, matching.size()));
    StringBuilder body = new StringBuilder("{\"data\": [");
    for (int i = 0; i < slice.size(); i++) {
      body.append(i == 0 ? "" : ", ").append(json(slice.get(i)));
    }
    body.append("], \"page\": ")
        .append(page)
        .append(", \"total\": ")
        .append(matching.size())
        .append('}');
    send(ex, 200, body.toString());
  }

  private static String json(Map<String, Object> r) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : r.entrySet()) {
      sb.append(sb.length() == 1 ? "" : ", ").append('"').append(e.getKey()).append("\": ");
      Object v = e.getValue();
      sb.append(
          v instanceof Number ? v.toString() : "\"" + v.toString().replace("\"", "\\\"") + "\"");
    }
    return sb.append('}').toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          q.put(
              kv.substring(0, eq).toLowerCase(Locale.ROOT),
              URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}

package dev.sluice.plugin.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.spi.LoadException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * GETs JSON pages. Rate limits (429) and server errors (5xx) are retried with exponential backoff,
 * honouring {@code Retry-After}; anything that is not JSON is refused with what came back.
 */
final class HttpFetcher {
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** One response: its parsed body and headers. */
  record Page(JsonNode body, HttpHeaders headers) {}

  private final HttpClient client;
  private final RestSettings settings;
  private final String source;
  private final BooleanSupplier cancelled;
  private final ObjectMapper json;

  HttpFetcher(
      HttpClient client,
      RestSettings settings,
      String source,
      BooleanSupplier cancelled,
      ObjectMapper json) {
    this.client = client;
    this.settings = settings;
    this.source = source;
    this.cancelled = cancelled;
    this.json = json;
  }

  static String withParams(String url, Map<String, String> params) {
    if (params.isEmpty()) {
      return url;
    }
    StringBuilder sb = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
    boolean first = true;
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (!first) {
        sb.append('&');
      }
      first = false;
      sb.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  Page get(String url) throws LoadException {
    HttpRequest.Builder b;
    try {
      b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(settings.timeout())
              .header("Accept", "application/json")
              .GET();
    } catch (IllegalArgumentException e) {
      throw new LoadException(
          "source " + source + ": '" + url + "' is not a valid URL: " + e.getMessage(), e);
    }
    settings.headers().forEach(b::header);
    HttpRequest request = b.build();
    String last = null;
    for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
      if (cancelled.getAsBoolean()) {
        throw new LoadException("source " + source + ": cancelled");
      }
      Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt, 16));
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        last =
            "GET "
                + url
                + " failed: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        sleep(wait);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LoadException("source " + source + ": interrupted", e);
      }
      int status = response.statusCode();
      if (status == 429 || status >= 500) {
        last = "GET " + url + " returned " + status + snippet(response.body());
        sleep(retryAfter(response.headers()).orElse(wait));
        continue;
      }
      if (status >= 400) {
        throw new LoadException(
            "source "
                + source
                + ": GET "
                + url
                + " returned "
                + status
                + snippet(response.body())
                + (status == 401 || status == 403
                    ? " (check the auth header and its environment variable)"
                    : ""));
      }
      return new Page(parse(url, response), response.headers());
    }
    throw new LoadException(
        "source "
            + source
            + ": "
            + last
            + " (gave up after "
            + (settings.maxRetries() + 1)
            + " attempts)");
  }

  private JsonNode parse(String url, HttpResponse<String> response) throws LoadException {
    String body = response.body();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.contains("html") || body.stripLeading().startsWith("<")) {
      throw new LoadException(
          "source "
              + source
              + ": GET "
              + url
              + " returned HTML, not JSON"
              + snippet(body)
              + "; check base_url and the endpoint");
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new LoadException(
          "source "
              + source
              + ": GET "
              + url
              + " returned text that is not JSON"
              + snippet(body)
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String s = body.strip().replaceAll("\\s+", " ");
    return " ('" + (s.length() > 120 ? s.substring(0, 120) + "..." : s) + "')";
  }

  /** {@code Retry-After} as seconds or as an HTTP date. */
  private static java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
    return headers
        .firstValue("Retry-After")
        .map(
            v -> {
              try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
              } catch (NumberFormatException e) {
                try {
                  return Duration.between(
                      ZonedDateTime.now(),
                      ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (RuntimeException ignored) {
                  return null;
                }
              }
            })
        .map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
  }

  /** Sleeps in short steps so that a cancel is noticed. */
  private void sleep(Duration d) throws LoadException {
    long until = System.nanoTime() + Math.min(d.toNanos(), MAX_WAIT.toNanos());
    try {
      while (System.nanoTime() < until) {
        if (cancelled.getAsBoolean()) {
          throw new LoadException("source " + source + ": cancelled");
        }
        Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("source " + source + ": interrupted", e);
    }
  }
}

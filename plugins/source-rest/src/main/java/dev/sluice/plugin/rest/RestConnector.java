package dev.sluice.plugin.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.JsonRecords;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceConnector;
import dev.sluice.core.spi.TableInfo;
import dev.sluice.core.spi.TableRequest;
import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * JSON REST APIs. Each table is an endpoint; its records are found at {@code records_path} in every
 * page, and DuckDB's JSON reader infers their columns, as it does for JSON files.
 */
public final class RestConnector implements SourceConnector, JsonRecords {
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");
  private final ObjectMapper json = new ObjectMapper();

  @Override
  public String kind() {
    return "rest";
  }

  @Override
  public String displayName() {
    return "REST API (JSON)";
  }

  @Override
  public List<ConfigField> fields() {
    return List.of(
        ConfigField.required(
            "base_url",
            ConfigField.Type.URL,
            "The API's base URL; each table's endpoint is relative to it."),
        new ConfigField(
            "headers",
            ConfigField.Type.MAP,
            false,
            true,
            null,
            "Request headers, e.g. Authorization: \"Bearer ${env:API_TOKEN}\"."),
        ConfigField.optional(
            "params", ConfigField.Type.MAP, null, "Query parameters sent with every request."),
        ConfigField.optional(
            "paginator",
            ConfigField.Type.MAP,
            null,
            "type: none, page_number, offset, cursor, next_link or link_header, with its parameters."),
        ConfigField.optional(
            "records_path",
            ConfigField.Type.TEXT,
            "",
            "Where the records are in a response, e.g. data.items."),
        ConfigField.optional(
            "timeout_seconds", ConfigField.Type.INTEGER, "30", "How long one request may take."),
        ConfigField.optional(
            "max_retries", ConfigField.Type.INTEGER, "5", "Retries after a 429 or 5xx response."),
        ConfigField.optional(
            "backoff_ms",
            ConfigField.Type.INTEGER,
            "500",
            "The first retry's wait; it doubles each time."));
  }

  @Override
  public void check(ConnectorConfig config) throws LoadException {
    TableRequest probe =
        new TableRequest(
            config.sourceName(),
            "",
            Map.of("endpoint", config.text("check_endpoint", "")),
            null,
            null,
            1);
    RestSettings s = RestSettings.of(config, probe);
    new HttpFetcher(client(s), s, config.sourceName(), () -> false, json)
        .get(HttpFetcher.withParams(s.url(), s.params()));
  }

  @Override
  public List<TableInfo> tables(ConnectorConfig config) {
    return List.of(); // an API does not list its endpoints; the source file names them
  }

  @Override
  public void read(ConnectorConfig config, TableRequest request, RowSink sink)
      throws LoadException {
    throw new LoadException(
        "source " + request.qualifiedName() + ": REST records are staged as JSON; use extract()");
  }

  @Override
  public long extract(
      ConnectorConfig config, TableRequest request, Writer out, BooleanSupplier cancelled)
      throws LoadException {
    RestSettings s = RestSettings.of(config, request);
    Map<String, String> params = new LinkedHashMap<>(s.params());
    if (s.incrementalParam() != null && request.cursorAfter() != null) {
      params.put(
          s.incrementalParam(),
          isoTimestamp(request.cursorAfter(), request.settings().get("incremental_format")));
    }
    String source = request.qualifiedName();
    HttpFetcher fetcher = new HttpFetcher(client(s), s, source, cancelled, json);
    Paginator pages = new Paginator(s, params, source);
    long total = 0;
    String url = pages.first();
    while (url != null) {
      HttpFetcher.Page page = fetcher.get(url);
      JsonNode records = JsonPaths.at(page.body(), s.recordsPath());
      if (records.isObject() && s.recordsPath().isBlank()) {
        throw new LoadException(
            "source "
                + source
                + ": GET "
                + url
                + " returned an object, not a list of records;"
                + " set records_path to one of its fields: "
                + fieldNames(records));
      }
      if (!records.isArray() && !records.isMissingNode() && !records.isNull()) {
        throw new LoadException(
            "source "
                + source
                + ": records_path '"
                + s.recordsPath()
                + "' in GET "
                + url
                + " is not a list");
      }
      int n = 0;
      try {
        for (JsonNode r : records) {
          if (!r.isObject()) {
            throw new LoadException(
                "source " + source + ": GET " + url + " has a record that is not an object: " + r);
          }
          out.write(json.writeValueAsString(r));
          out.write('\n');
          n++;
        }
      } catch (IOException e) {
        throw new LoadException(
            "source " + source + ": cannot stage records: " + e.getMessage(), e);
      }
      total += n;
      url = pages.next(url, page, n);
    }
    return total;
  }

  /**
   * The warehouse writes timestamps as {@code 2026-01-02 13:00:00}; APIs expect ISO 8601, so the
   * cursor goes out as {@code 2026-01-02T13:00:00} unless the table says {@code incremental_format:
   * raw}.
   */
  static String isoTimestamp(String cursor, Object format) {
    if ("raw".equals(String.valueOf(format)) || !TIMESTAMP.matcher(cursor).matches()) {
      return cursor;
    }
    String iso = cursor.replaceFirst(" ", "T");
    return iso.matches(".*[+-]\\d\\d") ? iso + ":00" : iso;
  }

  private static HttpClient client(RestSettings s) {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(Math.max(1, Math.min(10, s.timeout().toSeconds()))))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static String fieldNames(JsonNode object) {
    StringBuilder sb = new StringBuilder();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      sb.append(sb.length() == 0 ? "" : ", ").append(it.next());
    }
    return sb.toString();
  }
}

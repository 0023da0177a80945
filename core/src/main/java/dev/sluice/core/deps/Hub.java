package dev.sluice.core.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dbt Hub's JSON API: {@code <base>/api/v1/<namespace>/<name>.json} lists a package's versions,
 * each with its tarball URL and the packages it needs. The base is {@code https://hub.getdbt.com/}
 * unless {@code DBT_PACKAGE_HUB_URL} (as for dbt) or an option names another.
 */
public final class Hub {
  public static final String DEFAULT_URL = "https://hub.getdbt.com/";
  public static final String URL_VARIABLE = "DBT_PACKAGE_HUB_URL";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;

  private final String base;
  private final HttpClient http;
  private final Map<String, Map<String, Release>> indexes = new LinkedHashMap<>();

  /** One version of a hub package. */
  public record Release(String version, String name, String tarball, List<PackageSpec> packages) {}

  public Hub(String baseUrl) {
    String b = baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl;
    this.base = b.endsWith("/") ? b : b + "/";
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The hub the environment names, or dbt's. */
  public static Hub fromEnvironment(String option) {
    return new Hub(option != null ? option : System.getenv(URL_VARIABLE));
  }

  /** Every published version of the package, by version text. */
  public Map<String, Release> releases(String name) {
    Map<String, Release> cached = indexes.get(name);
    if (cached != null) {
      return cached;
    }
    String url = base + "api/v1/" + name + ".json";
    JsonNode root;
    try (InputStream in = get(name, url)) {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new DepsException(
          name + ": the Hub's answer from " + url + " is not JSON: " + e.getMessage(), e);
    }
    Map<String, Release> out = new LinkedHashMap<>();
    JsonNode versions = root.path("versions");
    versions
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              List<PackageSpec> deps = new ArrayList<>();
              for (JsonNode p : v.path("packages")) {
                deps.add(hubSpec(p));
              }
              String shortName = name.substring(name.lastIndexOf('/') + 1);
              out.put(
                  e.getKey(),
                  new Release(
                      e.getKey(),
                      v.path("name").asText(shortName),
                      v.path("downloads").path("tarball").asText(null),
                      deps));
            });
    indexes.put(name, out);
    return out;
  }

  private static PackageSpec hubSpec(JsonNode p) {
    if (p.has("package")) {
      List<String> vs = new ArrayList<>();
      JsonNode v = p.path("version");
      if (v.isArray()) {
        v.forEach(x -> vs.add(x.asText()));
      } else if (!v.isMissingNode()) {
        vs.add(v.asText());
      }
      return new PackageSpec.Hub(p.get("package").asText(), vs, false);
    }
    if (p.has("git")) {
      return new PackageSpec.Git(
          p.get("git").asText(),
          p.path("revision").asText(null),
          p.path("subdirectory").asText(null));
    }
    if (p.has("tarball")) {
      return new PackageSpec.Tarball(p.get("tarball").asText());
    }
    throw new DepsException("the Hub lists a dependency Sluice cannot read: " + p);
  }

  /** Downloads the URL into the file; the message names the package and the URL when it fails. */
  public void download(String label, String url, Path file) {
    try (InputStream in = get(label, url)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new DepsException(
          label + ": the download from " + url + " broke off: " + e.getMessage(), e);
    }
  }

  private InputStream get(String label, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new DepsException(label + ": not a URL: " + url);
    }
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (resp.statusCode() == 404) {
          resp.body().close();
          throw new DepsException(label + ": not found (" + url + " answered 404)");
        }
        if (resp.statusCode() / 100 != 2) {
          resp.body().close();
          throw new DepsException(label + ": " + url + " answered HTTP " + resp.statusCode());
        }
        return resp.body();
      } catch (IOException e) {
        last = e;
        sleep(attempt * 250L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DepsException(label + ": interrupted while reaching " + url, e);
      }
    }
    String why =
        last instanceof java.net.ConnectException
            ? "connection refused"
            : last instanceof java.net.http.HttpTimeoutException
                ? "timed out"
                : last instanceof java.net.UnknownHostException
                    ? "unknown host " + last.getMessage() + " (is the network up?)"
                    : last.getMessage() == null
                        ? last.getClass().getSimpleName()
                        : last.getMessage();
    throw new DepsException(label + ": could not reach " + url + ": " + why, last);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.sluice.core.deps;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** A stand-in for the dbt Hub on loopback: package indexes as JSON and their tarballs. */
final class LoopbackHub implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> versions = new LinkedHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  volatile String brokenPath;

  LoopbackHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          String path = ex.getRequestURI().getPath();
          byte[] body = files.get(path);
          if (body == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
          }
          if (path.equals(brokenPath)) {
            // promise the whole file, send half, hang up: a download that breaks off
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            ex.close();
            return;
          }
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /**
   * Publishes a version of namespace/name whose tarball holds a dbt project with the given files
   * under one top folder, as GitHub's tarballs are; {@code packagesJson} is the version's
   * dependency list as the Hub gives it.
   */
  void publish(
      String hubName,
      String projectName,
      String version,
      String packagesJson,
      Map<String, String> extraFiles)
      throws IOException {
    Map<String, String> content = new LinkedHashMap<>();
    content.put("dbt_project.yml", "name: " + projectName + "\nversion: '" + version + "'\n");
    content.putAll(extraFiles);
    String tarPath = "/tarballs/" + hubName + "/" + version + ".tar.gz";
    files.put(tarPath, tarGz(projectName + "-" + version, content));
    versions
        .computeIfAbsent(hubName, k -> new LinkedHashMap<>())
        .put(
            version,
            "{\"id\": \""
                + hubName
                + "/"
                + version
                + "\", \"name\": \""
                + projectName
                + "\", \"version\": \""
                + version
                + "\", \"packages\": "
                + packagesJson
                + ", \"downloads\": {\"tarball\": \""
                + url().replaceAll("/$", "")
                + tarPath
                + "\"}}");
    StringBuilder json = new StringBuilder("{\"name\": \"" + projectName + "\", \"versions\": {");
    String sep = "";
    for (Map.Entry<String, String> v : versions.get(hubName).entrySet()) {
      json.append(sep).append('"').append(v.getKey()).append("\": ").append(v.getValue());
      sep = ", ";
    }
    json.append("}}");
    files.put("/api/v1/" + hubName + ".json", json.toString().getBytes(StandardCharsets.UTF_8));
  }

  String tarballPath(String hubName, String version) {
    return "/tarballs/" + hubName + "/" + version + ".tar.gz";
  }

  static byte[] tarGz(String top, Map<String, String> content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry dir = new TarArchiveEntry(top + "/");
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      for (Map.Entry<String, String> f : content.entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(top + "/" + f.getKey());
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

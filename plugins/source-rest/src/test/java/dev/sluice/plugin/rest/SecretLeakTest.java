package dev.sluice.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sluice.core.testing.ProjectFolder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known secret in the environment, used as an API key in a query string and in a header, then
 * every verb a user runs: build (one table loads, one fails with the key in its URL), compile, ls,
 * export, log output. The secret must appear in no output, no file written and no text column of
 * the warehouse.
 */
class SecretLeakTest {
  private static final String SECRET = "sk-live-7f3a9c1e5b2d4086";

  @TempDir Path dir;
  HttpServer api;

  @BeforeEach
  void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/",
        x -> {
          String uri = x.getRequestURI().toString();
          boolean good = uri.startsWith("/v1/orders");
          // a careless API echoes the request, key and all
          byte[] body =
              (good
                      ? "{\"data\": [{\"id\": 1, \"note\": \"ok\"}]}"
                      : "{\"error\": \"no " + uri + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(good ? 200 : 404, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    api.start();
  }

  @AfterEach
  void stop() {
    api.stop(0);
  }

  @Test
  void aSecretFromTheEnvironmentIsInNoOutputFileOrTable() throws Exception {
    String base = "http://127.0.0.1:" + api.getAddress().getPort() + "/v1";
    Path project =
        ProjectFolder.sluice(dir.resolve("shop"), "shop")
            .file(
                "sources/api.yml",
                """
        sources:
          - name: api
            connector: rest
            connection:
              base_url: %s
              params: {api_key: "${env:SHOP_API_KEY}"}
              headers: {X-Key: "${env:SHOP_API_KEY}"}
              max_retries: 0
              backoff_ms: 1
              paginator: {type: none}
              records_path: data
            tables:
              - name: orders
                endpoint: "orders?key=${env:SHOP_API_KEY}"
              - name: missing
        """
                    .formatted(base))
            .file("models/notes.sql", "select note from {{ source('api', 'orders') }}")
            .root();
    Path export = dir.resolve("dbt");
    StringBuilder printed = new StringBuilder();
    printed.append(sluice(project, "build")).append(sluice(project, "compile"));
    printed.append(sluice(project, "ls")).append(sluice(project, "build", "--select", "notes"));
    printed.append(
        sluice(
            project.getParent(),
            "export",
            "--project",
            project.toString(),
            "--out",
            export.toString()));

    assertThat(printed.toString())
        .as("the failing table's error is there, masked")
        .contains("api_key=****")
        .doesNotContain(SECRET);
    List<Path> leaking = new ArrayList<>();
    for (Path root : List.of(project.resolve("target"), export)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(f) && contains(Files.readAllBytes(f), SECRET)) {
            leaking.add(f);
          }
        }
      }
    }
    assertThat(leaking).as("files holding the secret").isEmpty();
    assertThat(textColumnsHolding(project.resolve("target/shop.duckdb"), SECRET))
        .as("warehouse columns holding the secret")
        .isEmpty();
    assertThat(rows(project.resolve("target/shop.duckdb"), "select count(*) from api.orders"))
        .isEqualTo("1");
  }

  /** Runs the CLI in a child JVM, whose environment holds the secret; returns what it printed. */
  private String sluice(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.sluice.core.cli.Main");
    cmd.addAll(List.of(args));
    if (!List.of(args).contains("--project")) {
      cmd.add("--project");
      cmd.add(cwd.toString());
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SHOP_API_KEY", SECRET);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static List<String> textColumnsHolding(Path db, String secret) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "select table_schema, table_name, column_name from information_schema.columns"
                  + " where data_type = 'VARCHAR' and table_catalog = current_database()")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      assertThat(columns).as("the history and load state have text columns").hasSizeGreaterThan(5);
      for (String[] col : columns) {
        String q =
            "select count(*) from \"%s\".\"%s\" where \"%s\" like '%%%s%%'"
                .formatted(col[0], col[1], col[2], secret);
        try (ResultSet rs = st.executeQuery(q)) {
          rs.next();
          if (rs.getLong(1) > 0) {
            out.add(String.join(".", col));
          }
        }
      }
    }
    return out;
  }

  private static String rows(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

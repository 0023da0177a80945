package dev.sluice.core.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger hits = new AtomicInteger();

  /** A webhook receiver on loopback that answers {@code status}. */
  private String receiver(int status) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook/secret-token",
        ex -> {
          hits.incrementAndGet();
          bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/secret-token";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private Fixture failingSchedule() {
    Fixture f =
        new Fixture(
            dir,
            "schedules:\n  - {name: hourly, cron: \"0 * * * *\", select: \"+report\"}\n"
                + "alerts:\n  - {on: [failure, recovery], webhook: \"${env:HOOK}\"}\n");
    f.folder.file(
        "models/report.sql",
        "{{ config(materialized='table') }}\nselect * from {{ ref('orders') }} where error('boom')");
    return f;
  }

  @Test
  void aFailedScheduledRunPostsSlackStyleJsonToTheWebhookAndRecoveryFollows() throws Exception {
    String url = receiver(200);
    Fixture f = failingSchedule();
    f.now = java.time.Instant.parse("2026-12-01T09:59:50Z");
    f.loop(o -> o.withEnv(Map.of("HOOK", url))).once();
    f.now = java.time.Instant.parse("2026-12-01T10:00:05Z");
    ServeLoop.Tick t = f.loop(o -> o.withEnv(Map.of("HOOK", url))).once();
    assertThat(t.runs()).hasSize(1);
    assertThat(t.runs().get(0).succeeded()).isFalse();
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0))
        .startsWith("{\"text\":\"Sluice: schedule hourly at 2026-12-01T10:00:00Z failed: model")
        .contains("boom")
        .contains("\"event\":\"failure\"");

    f.folder.file("models/report.sql", "select * from {{ ref('orders') }}");
    f.now = java.time.Instant.parse("2026-12-01T11:00:05Z");
    f.loop(o -> o.withEnv(Map.of("HOOK", url))).once();
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1)).contains("succeeded again").contains("\"event\":\"recovery\"");
  }

  @Test
  void aWebhookAnswering500IsTriedABoundedNumberOfTimesLoggedWithoutItsSecretAndTheRunStands()
      throws Exception {
    String url = receiver(500);
    List<String> log = new CopyOnWriteArrayList<>();
    Alerts alerts =
        new Alerts(
            List.of(
                new Alert(
                    java.util.Set.of(Alert.On.FAILURE),
                    "${env:HOOK}",
                    null,
                    Path.of("schedules/all.yml"),
                    4)),
            Map.of("HOOK", url),
            log::add,
            3,
            Duration.ofMillis(10),
            Duration.ofSeconds(2));
    int delivered = alerts.send(new AlertMessage(Alert.On.FAILURE, "hourly", "r1", "it failed"));
    assertThat(delivered).isZero();
    assertThat(hits.get()).isEqualTo(3);
    assertThat(log).hasSize(1);
    assertThat(log.get(0))
        .contains("${env:HOOK}")
        .contains("schedules/all.yml:4")
        .contains("HTTP 500, HTTP 500, HTTP 500")
        .doesNotContain("secret-token");
  }

  @Test
  void aWebhookThatNeverAnswersTimesOutAndIsLogged() throws Exception {
    // a listening socket that accepts and never replies
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<String> log = new CopyOnWriteArrayList<>();
      Alerts alerts =
          new Alerts(
              List.of(
                  new Alert(
                      java.util.Set.of(Alert.On.FAILURE),
                      "http://127.0.0.1:" + silent.getLocalPort() + "/x",
                      null,
                      Path.of("sluice.yml"),
                      9)),
              Map.of(),
              log::add,
              2,
              Duration.ofMillis(10),
              Duration.ofMillis(300));
      assertThat(alerts.send(new AlertMessage(Alert.On.FAILURE, "a", null, "t"))).isZero();
      assertThat(log).singleElement().asString().contains("no answer, no answer");
    }
  }

  @Test
  void aCommandHookGetsTheAlertInItsEnvironment() throws Exception {
    Path out = dir.resolve("alert.txt");
    Alerts alerts =
        new Alerts(
            List.of(
                new Alert(
                    java.util.Set.of(Alert.On.FRESHNESS),
                    null,
                    "printf '%s|%s' \"$SLUICE_ALERT_EVENT\" \"$SLUICE_ALERT_TEXT\" > " + out,
                    Path.of("sluice.yml"),
                    3)),
            Map.of(),
            s -> {});
    assertThat(alerts.send(new AlertMessage(Alert.On.FRESHNESS, "f", null, "customers stale")))
        .isEqualTo(1);
    assertThat(java.nio.file.Files.readString(out)).isEqualTo("freshness|customers stale");
  }
}

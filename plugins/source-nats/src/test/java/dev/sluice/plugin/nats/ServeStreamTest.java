package dev.sluice.plugin.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.orchestrate.ServeLoop;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StreamConfiguration;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice serve} consuming a NATS JetStream stream in micro-batches. Each test runs its own
 * real nats-server (so that it can be stopped mid-batch without disturbing the shared one) with a
 * store on disk that survives a restart.
 */
class ServeStreamTest {
  private static final Path SERVER = Path.of("/usr/sbin/nats-server");
  @TempDir Path dir;
  int port;
  Process server;

  @BeforeEach
  void start() throws Exception {
    Path binary = Files.isExecutable(SERVER) ? SERVER : null;
    if (binary == null && "1".equals(System.getenv("SLUICE_REQUIRE_SERVICES"))) {
      throw new AssertionError("nats-server is required (apt-get install nats-server)");
    }
    Assumptions.assumeTrue(binary != null, "nats-server is not installed");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    startServer();
    try (Connection c = connect()) {
      c.jetStreamManagement()
          .addStream(StreamConfiguration.builder().name("CLICKS").subjects("clicks").build());
    }
  }

  private void startServer() throws Exception {
    server =
        new ProcessBuilder(
                SERVER.toString(),
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-js",
                "-sd",
                dir.resolve("nats-store").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nats.log").toFile()))
            .start();
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError(
        "nats-server did not start: " + Files.readString(dir.resolve("nats.log")));
  }

  private void killServer() throws Exception {
    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      killServer();
    }
  }

  private Connection connect() throws Exception {
    return Nats.connect(
        new Options.Builder()
            .server("nats://127.0.0.1:" + port)
            .maxReconnects(0)
            .connectionTimeout(Duration.ofSeconds(5))
            .build());
  }

  private void project(int batchMessages, int batchSeconds) {
    ProjectFolder.sluice(dir, "streamserve")
        .file(
            "sources/clicks.yml",
            """
            sources:
              - name: site
                connector: nats
                schema: speed
                connection: {servers: "nats://127.0.0.1:%d", stream: CLICKS}
                tables:
                  - {name: clicks, subject: clicks, cursor: seq, write_disposition: append,
                     batch_messages: %d, batch_seconds: %d}
            """
                .formatted(port, batchMessages, batchSeconds));
  }

  private ServeLoop serve(List<String> log) {
    return new ServeLoop(dir, PipelineOptions.defaults(), Clock.systemUTC(), log::add, e -> {});
  }

  private void publish(Connection c, int from, int to) throws Exception {
    for (int i = from; i <= to; i++) {
      c.jetStream().publish("clicks", ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
    }
  }

  private List<String> rows(String sql) {
    try (Warehouse w = DuckDbWarehouse.open(dir.resolve("target/streamserve.duckdb").toString())) {
      return Tables.rows(w, sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  private long ackPending() throws Exception {
    try (Connection c = connect()) {
      return c.jetStreamManagement()
          .getConsumerInfo("CLICKS", "sluice_site_clicks")
          .getNumAckPending();
    } catch (io.nats.client.JetStreamApiException e) {
      return 0; // no consumer yet
    }
  }

  private String maxSeq() {
    try {
      return rows("select max(seq) from speed.clicks").get(0);
    } catch (RuntimeException e) {
      return "none yet";
    }
  }

  private long streamMessages() throws Exception {
    try (Connection c = connect()) {
      return c.jetStreamManagement().getStreamInfo("CLICKS").getStreamState().getMsgCount();
    }
  }

  @Test
  void serveConsumesTheStreamInMicroBatchesAndAcknowledgesEachAfterItCommits() throws Exception {
    project(10, 2);
    try (Connection c = connect()) {
      publish(c, 1, 25);
    }
    List<String> log = new CopyOnWriteArrayList<>();
    ServeLoop loop = serve(log);
    ServeLoop.Tick first = loop.once();
    // a stream is looked at again within a second, not at the next schedule tick
    assertThat(Duration.between(first.at(), first.next()))
        .isLessThanOrEqualTo(Duration.ofSeconds(3));
    loop.once();
    loop.once();
    loop.once(); // nothing new: no empty batch is recorded
    assertThat(rows("select count(*), count(distinct seq), min(seq), max(seq) from speed.clicks"))
        .containsExactly("[25, 25, 1, 25]");
    assertThat(rows("select count(*), sum(rows) from _sluice.loads where table_name = 'clicks'"))
        .containsExactly("[3, 25]");
    assertThat(log).anyMatch(l -> l.startsWith("stream site.clicks: appended 10 rows"));
    try (Connection c = connect()) {
      var info = c.jetStreamManagement().getConsumerInfo("CLICKS", "sluice_site_clicks");
      assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(25);
      assertThat(info.getNumAckPending()).isZero();
    }
  }

  @Test
  void natsGoingAwayMidBatchLeavesTheBatchUnacknowledgedAndItIsReadAgain() throws Exception {
    project(1_000_000, 4);
    AtomicBoolean publishing = new AtomicBoolean(true);
    AtomicLong published = new AtomicLong();
    Connection pub = connect();
    CompletableFuture<Void> publisher =
        CompletableFuture.runAsync(
            () -> {
              try {
                while (publishing.get()) {
                  publish(pub, 0, 0);
                  published.incrementAndGet();
                }
              } catch (Exception e) {
                // the server went away
              }
            });
    Thread.sleep(300);
    List<String> log = new CopyOnWriteArrayList<>();
    ServeLoop loop = serve(log);
    CompletableFuture<ServeLoop.Tick> tick = CompletableFuture.supplyAsync(loop::once);
    // the batch runs for 4 seconds while messages keep coming; the server dies inside it
    // the batch is under way once the consumer has delivered messages it holds unacknowledged
    long deadline = System.currentTimeMillis() + 30_000;
    while (ackPending() < 100 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ackPending()).isGreaterThanOrEqualTo(100);
    killServer();
    publishing.set(false);
    publisher.get(10, TimeUnit.SECONDS);
    tick.get(60, TimeUnit.SECONDS);
    assertThat(log)
        .anyMatch(l -> l.startsWith("stream site.clicks failed:") && l.contains("read again"));
    assertThat(rows("select count(*) from information_schema.tables where table_name = 'clicks'"))
        .containsExactly("[0]");

    startServer();
    long total = streamMessages();
    assertThat(total).isGreaterThan(0).isGreaterThanOrEqualTo(published.get());
    ServeLoop again = serve(log);
    for (int i = 0; i < 5; i++) {
      again.once();
    }
    assertThat(rows("select count(*), count(distinct seq), max(seq) from speed.clicks"))
        .containsExactly("[" + total + ", " + total + ", " + total + "]");
  }

  @Test
  void aBatchCommittedButNotAcknowledgedIsNotServedTwice() throws Exception {
    project(100, 2);
    try (Connection c = connect()) {
      publish(c, 1, 30);
    }
    List<String> log = new CopyOnWriteArrayList<>();
    ServeLoop loop = serve(log);
    loop.once();
    // as after a kill between the commit and the acknowledgement: the server's consumer is still
    // where it was before the batch, and delivers it again
    try (Connection c = connect()) {
      JetStreamManagement jsm = c.jetStreamManagement();
      jsm.deleteConsumer("CLICKS", "sluice_site_clicks");
      jsm.addOrUpdateConsumer(
          "CLICKS",
          ConsumerConfiguration.builder()
              .durable("sluice_site_clicks")
              .filterSubject("clicks")
              .ackPolicy(AckPolicy.Explicit)
              .deliverPolicy(DeliverPolicy.All)
              .build());
      publish(c, 31, 40);
    }
    serve(log).once();
    assertThat(rows("select count(*), count(distinct seq), max(seq) from speed.clicks"))
        .containsExactly("[40, 40, 40]");
  }

  @Test
  void aServeProcessKilledAtAnyMomentLosesAndDoublesNothing() throws Exception {
    project(1000, 1);
    // a schedule that never comes due keeps the project a served one with nothing else to run
    Connection pub = connect();
    AtomicBoolean publishing = new AtomicBoolean(true);
    CompletableFuture<Void> publisher =
        CompletableFuture.runAsync(
            () -> {
              try {
                while (publishing.get()) {
                  publish(pub, 0, 0);
                  Thread.sleep(1);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    for (int round = 0; round < 3; round++) {
      Process serve =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.sluice.core.cli.Main",
                  "serve",
                  "--project",
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("serve.log").toFile()))
              .start();
      Thread.sleep(6000 + round * 1300L);
      serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: wherever it was
    }
    publishing.set(false);
    publisher.get(10, TimeUnit.SECONDS);
    pub.close();
    assertThat(Files.readString(dir.resolve("serve.log")))
        .contains("consuming site.clicks in micro-batches");
    List<String> log = new CopyOnWriteArrayList<>();
    ServeLoop drain = serve(log);
    long total = streamMessages();
    for (int i = 0; i < 60 && !maxSeq().equals("[" + total + "]"); i++) {
      drain.once();
    }
    assertThat(rows("select count(*), count(distinct seq), max(seq) from speed.clicks"))
        .as(Files.readString(dir.resolve("serve.log")))
        .containsExactly("[" + total + ", " + total + ", " + total + "]");
  }
}

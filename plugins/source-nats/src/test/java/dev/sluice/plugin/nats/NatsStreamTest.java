package dev.sluice.plugin.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.load.LoadOptions;
import dev.sluice.core.load.LoadReport;
import dev.sluice.core.load.SourceLoader;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StreamConfiguration;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Micro-batches from the real NATS JetStream server on 127.0.0.1:4222. */
class NatsStreamTest {
  @TempDir Path dir;
  Warehouse warehouse;
  SourceLoader loader;
  Connection nats;
  String stream;
  String subject;

  @BeforeEach
  void open() throws Exception {
    boolean up;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 4222), 1000);
      up = true;
    } catch (java.io.IOException e) {
      up = false;
    }
    if (!up && "1".equals(System.getenv("SLUICE_REQUIRE_SERVICES"))) {
      throw new AssertionError(
          "NATS with JetStream on 127.0.0.1:4222 is required (nats-server -js)");
    }
    Assumptions.assumeTrue(up, "NATS with JetStream on 127.0.0.1:4222 (nats-server -js)");
    String id = UUID.randomUUID().toString().substring(0, 8);
    stream = "SLUICE_IT_" + id;
    subject = "sluice_it." + id + ".clicks";
    nats = Nats.connect("nats://127.0.0.1:4222");
    nats.jetStreamManagement()
        .addStream(StreamConfiguration.builder().name(stream).subjects(subject).build());
    warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString());
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() throws Exception {
    if (warehouse != null) {
      warehouse.close();
    }
    if (nats != null) {
      nats.jetStreamManagement().deleteStream(stream);
      nats.close();
    }
  }

  private void publish(int from, int to) throws Exception {
    for (int i = from; i <= to; i++) {
      nats.jetStream()
          .publish(subject, ("{\"click\": " + i + "}").getBytes(StandardCharsets.UTF_8));
    }
  }

  private SourceTable table(String extra) {
    return table(extra, 10);
  }

  private SourceTable table(String extra, int batch) {
    return ProjectFolder.sluice(dir, "stream")
        .file(
            "sources/events.yml",
            """
            sources:
              - name: events
                connector: nats
                schema: speed
                connection: {servers: "nats://127.0.0.1:4222", stream: %s}
                tables:
                  - {name: clicks, subject: "%s", cursor: seq, write_disposition: append, batch_messages: %d%s}
            """
                .formatted(stream, subject, batch, extra))
        .load()
        .source("events", "clicks")
        .orElseThrow();
  }

  private LoadReport load(SourceTable t) throws LoadException {
    return loader.load(t, new LoadOptions("run", false));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  @Test
  void messagesArriveInMicroBatchesWithTheStreamSequenceAsCursor() throws Exception {
    publish(1, 25);
    SourceTable t = table("");
    assertThat(load(t).rowsLoaded()).isEqualTo(10);
    assertThat(load(t).rowsLoaded()).isEqualTo(10);
    LoadReport third = load(t);
    assertThat(third.rowsLoaded()).isEqualTo(5);
    assertThat(third.cursorAfter()).isEqualTo("25");
    assertThat(load(t).rowsLoaded()).isZero();
    assertThat(rows("select count(*), count(distinct seq), min(seq), max(seq) from speed.clicks"))
        .containsExactly("[25, 25, 1, 25]");
    assertThat(rows("select payload->>'$.click' from speed.clicks where seq = 7"))
        .containsExactly("[7]");
    // acknowledged after each commit: the consumer has nothing pending
    var info = nats.jetStreamManagement().getConsumerInfo(stream, "sluice_events_clicks");
    assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(25);
    assertThat(info.getNumAckPending()).isZero();
  }

  @Test
  void aBatchLargerThanTheServersDefaultAckLimitArrivesWhole() throws Exception {
    for (int i = 0; i < 1500; i++) {
      nats.jetStream()
          .publishAsync(subject, ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    nats.flush(java.time.Duration.ofSeconds(10));
    LoadReport r = load(table(", batch_seconds: 30", 2000));
    assertThat(r.rowsLoaded()).isEqualTo(1500);
  }

  @Test
  void aBatchCommittedButNotAcknowledgedIsNotLoadedTwice() throws Exception {
    publish(1, 8);
    SourceTable t = table("");
    assertThat(load(t).rowsLoaded()).isEqualTo(8);
    // the process stopped between commit and acknowledgement: the server's consumer is where it
    // was before the batch
    JetStreamManagement jsm = nats.jetStreamManagement();
    jsm.deleteConsumer(stream, "sluice_events_clicks");
    jsm.addOrUpdateConsumer(
        stream,
        ConsumerConfiguration.builder()
            .durable("sluice_events_clicks")
            .filterSubject(subject)
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.All)
            .build());
    publish(9, 12);
    assertThat(load(t).rowsLoaded()).isEqualTo(4);
    assertThat(rows("select count(*), count(distinct seq), max(seq) from speed.clicks"))
        .containsExactly("[12, 12, 12]");
  }

  @Test
  void aFailedLoadHandsItsBatchBackAndTheNextLoadReadsItAgain() throws Exception {
    publish(1, 6);
    assertThatThrownBy(() -> load(table(", contract: {tables: freeze}")))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("freezes tables");
    assertThat(load(table("")).rowsLoaded()).isEqualTo(6);
    assertThat(rows("select count(*), count(distinct seq) from speed.clicks"))
        .containsExactly("[6, 6]");
  }

  @Test
  void aTableWithoutTheSequenceCursorIsRefusedWithWhatToSet() {
    SourceTable t =
        ProjectFolder.sluice(dir, "stream")
            .file(
                "sources/events.yml",
                """
                sources:
                  - name: events
                    connector: nats
                    connection: {stream: %s}
                    tables:
                      - {name: clicks, subject: "%s"}
                """
                    .formatted(stream, subject))
            .load()
            .source("events", "clicks")
            .orElseThrow();
    assertThatThrownBy(() -> load(t))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("events.clicks")
        .hasMessageContaining("cursor: seq and write_disposition: append");
  }

  @Test
  void aMissingStreamIsNamed() {
    SourceTable t =
        ProjectFolder.sluice(dir, "stream")
            .file(
                "sources/events.yml",
                """
                sources:
                  - name: events
                    connector: nats
                    connection: {stream: NO_SUCH_STREAM}
                    tables:
                      - {name: clicks, cursor: seq, write_disposition: append}
                """)
            .load()
            .source("events", "clicks")
            .orElseThrow();
    assertThatThrownBy(() -> load(t))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("NO_SUCH_STREAM");
  }
}

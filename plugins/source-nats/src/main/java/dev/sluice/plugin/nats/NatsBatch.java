package dev.sluice.plugin.nats;

import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.TableRequest;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One micro-batch of one table: the messages read, held unacknowledged until the loader says the
 * batch committed. Before reading, the durable consumer is checked against the committed cursor:
 * when its acknowledgements lag (a process stopped between commit and acknowledgement) or run ahead
 * of it, or messages are still pending from a stopped load, it starts again right after the cursor.
 */
final class NatsBatch {
  static final String CURSOR = "seq";
  static final List<SourceColumn> COLUMNS =
      List.of(
          new SourceColumn(CURSOR, "BIGINT"),
          new SourceColumn("subject", "VARCHAR"),
          new SourceColumn("published_at", "TIMESTAMP"),
          new SourceColumn("payload", "VARCHAR"));

  private final Connection connection;
  private final ConnectorConfig config;
  private final TableRequest request;
  private final String stream;
  private final String durable;
  private final String subject;
  private final List<Message> messages = new ArrayList<>();

  NatsBatch(Connection connection, ConnectorConfig config, TableRequest request)
      throws LoadException {
    this.connection = connection;
    this.config = config;
    this.request = request;
    this.stream = config.required("stream");
    Object sub = request.settings().get("subject");
    this.subject = sub == null ? null : sub.toString();
    this.durable =
        String.valueOf(
            request
                .settings()
                .getOrDefault(
                    "consumer",
                    ("sluice_" + request.sourceName() + "_" + request.table())
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9_-]", "_")));
  }

  void read(RowSink sink) throws LoadException {
    long after = request.cursorAfter() == null ? 0 : Long.parseLong(request.cursorAfter());
    int max = intSetting("batch_messages", 10_000);
    long seconds = intSetting("batch_seconds", 2);
    try {
      JetStreamManagement jsm = connection.jetStreamManagement();
      jsm.getStreamInfo(stream); // a missing stream is named before anything else
      align(jsm, after, max);
      JetStreamSubscription sub =
          connection.jetStream().subscribe(subject, PullSubscribeOptions.bind(stream, durable));
      sink.schema(COLUMNS);
      long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      while (messages.size() < max && System.nanoTime() < deadline) {
        if (sink.cancelled()) {
          throw new LoadException("source " + request.qualifiedName() + ": cancelled");
        }
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        List<Message> got =
            sub.fetch(
                Math.min(max - messages.size(), 1000), Duration.ofMillis(Math.min(left, 500)));
        if (got.isEmpty() && sub.getConsumerInfo().getNumPending() == 0) {
          break; // the stream is quiet: the batch ends here
        }
        for (Message m : got) {
          messages.add(m);
          long seq = m.metaData().streamSequence();
          if (seq <= after) {
            continue; // committed by an earlier load whose acknowledgement was lost
          }
          sink.row(
              new Object[] {
                seq,
                m.getSubject(),
                m.metaData().timestamp().withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(),
                m.getData() == null ? null : new String(m.getData(), StandardCharsets.UTF_8)
              });
        }
      }
    } catch (IOException | JetStreamApiException e) {
      if (!messages.isEmpty() && connection.getStatus() != Connection.Status.CONNECTED) {
        throw new LoadException(
            "source "
                + request.qualifiedName()
                + ": the NATS connection was lost mid-batch, after "
                + messages.size()
                + " messages ("
                + e.getMessage()
                + "); the batch is not acknowledged and will be read again"
                + positionNote(),
            e);
      }
      throw new LoadException(
          "source " + request.qualifiedName() + ": " + explain(config, e) + positionNote(), e);
    } catch (IllegalStateException e) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + ": the NATS connection was lost mid-batch ("
              + e.getMessage()
              + "); the batch is not acknowledged and will be read again"
              + positionNote(),
          e);
    }
  }

  private String positionNote() {
    return request.cursorAfter() == null
        ? ""
        : " (after stream sequence " + request.cursorAfter() + ")";
  }

  /** Makes the durable consumer deliver exactly the messages after the committed cursor. */
  private void align(JetStreamManagement jsm, long after, int batch)
      throws IOException, JetStreamApiException {
    ConsumerInfo info = null;
    try {
      info = jsm.getConsumerInfo(stream, durable);
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() != 404) {
        throw e;
      }
    }
    boolean aligned =
        info != null
            && info.getAckFloor().getStreamSequence() == after
            && info.getNumAckPending() == 0
            && info.getDelivered().getStreamSequence() == after
            // a batch is held unacknowledged until it commits, so the consumer must allow it
            && info.getConsumerConfiguration().getMaxAckPending() >= batch;
    if (aligned) {
      return;
    }
    if (info != null) {
      jsm.deleteConsumer(stream, durable);
    }
    ConsumerConfiguration.Builder cc =
        ConsumerConfiguration.builder()
            .durable(durable)
            .ackPolicy(AckPolicy.Explicit)
            .ackWait(Duration.ofMinutes(5))
            .maxAckPending(Math.max(batch, 1000));
    if (subject != null) {
      cc.filterSubject(subject);
    }
    if (after > 0) {
      cc.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(after + 1);
    } else {
      cc.deliverPolicy(DeliverPolicy.All);
    }
    jsm.addOrUpdateConsumer(stream, cc.build());
  }

  /** The batch committed: every message is acknowledged, so the consumer moves past it. */
  void acknowledge() {
    try {
      for (Message m : messages) {
        m.ack();
      }
      connection.flush(Duration.ofSeconds(5));
    } catch (RuntimeException | java.util.concurrent.TimeoutException | InterruptedException e) {
      // the next load finds the consumer behind the committed cursor and starts it after it
    } finally {
      closeQuietly();
    }
  }

  /** The load failed: the messages go back to be delivered again at once. */
  void handBack() {
    try {
      for (Message m : messages) {
        m.nak();
      }
    } catch (RuntimeException e) {
      // a lost connection hands them back by itself when their acknowledgement time runs out
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int intSetting(String key, int fallback) {
    Object v = request.settings().get(key);
    return v == null ? fallback : Integer.parseInt(v.toString().strip());
  }

  static String explain(ConnectorConfig config, Exception e) {
    if (e instanceof JetStreamApiException j && j.getApiErrorCode() == 10059) {
      return "NATS has no stream '"
          + config.text("stream", "")
          + "'; create it (nats stream add) or fix 'stream:' in the connection";
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.contains("JetStream not enabled")) {
      return "JetStream is not enabled on the NATS server; start it with -js";
    }
    return m;
  }
}

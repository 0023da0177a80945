package dev.sluice.plugin.nats;

import dev.sluice.core.spi.AfterCommit;
import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.SourceConnector;
import dev.sluice.core.spi.StreamSource;
import dev.sluice.core.spi.TableInfo;
import dev.sluice.core.spi.TableRequest;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A NATS JetStream stream as an append-only raw table: each load reads the next micro-batch (up to
 * {@code batch_messages} messages or {@code batch_seconds}) from the table's durable consumer, with
 * the stream sequence as cursor. The messages are acknowledged only after the batch and its cursor
 * are committed, and handed back (nak) when the load fails; the committed cursor is the truth, so a
 * batch committed but not acknowledged is never loaded twice.
 */
public final class NatsConnector implements SourceConnector, AfterCommit, StreamSource {
  private final Map<String, NatsBatch> pending = new ConcurrentHashMap<>();

  @Override
  public String kind() {
    return "nats";
  }

  @Override
  public String displayName() {
    return "NATS JetStream";
  }

  @Override
  public List<ConfigField> fields() {
    return List.of(
        ConfigField.optional(
            "servers", ConfigField.Type.TEXT, "nats://127.0.0.1:4222", "The NATS server URL(s)."),
        ConfigField.required("stream", ConfigField.Type.TEXT, "The JetStream stream to read."),
        ConfigField.secret("token", "Write it as ${env:VAR}: secrets stay out of project files."));
  }

  Connection connect(ConnectorConfig config) throws LoadException {
    String servers = config.text("servers", "nats://127.0.0.1:4222");
    Options.Builder b =
        new Options.Builder()
            .servers(servers.split("\\s*,\\s*"))
            .connectionTimeout(Duration.ofSeconds(5))
            .maxReconnects(0)
            .noNoResponders();
    String token = config.text("token", null);
    if (token != null && !token.isBlank()) {
      b.token(token.toCharArray());
    }
    try {
      return Nats.connect(b.build());
    } catch (IOException e) {
      throw new LoadException(
          "source "
              + config.sourceName()
              + ": cannot connect to NATS at "
              + servers
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("source " + config.sourceName() + ": interrupted", e);
    }
  }

  @Override
  public void check(ConnectorConfig config) throws LoadException {
    try (Connection c = connect(config)) {
      c.jetStreamManagement().getStreamInfo(config.required("stream"));
    } catch (IOException | JetStreamApiException e) {
      throw new LoadException(
          "source " + config.sourceName() + ": " + NatsBatch.explain(config, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public List<TableInfo> tables(ConnectorConfig config) throws LoadException {
    try (Connection c = connect(config)) {
      StreamInfo info = c.jetStreamManagement().getStreamInfo(config.required("stream"));
      List<TableInfo> out = new ArrayList<>();
      for (String subject : info.getConfiguration().getSubjects()) {
        out.add(new TableInfo(subject.replaceAll("[^A-Za-z0-9_]", "_"), NatsBatch.COLUMNS));
      }
      return out;
    } catch (IOException | JetStreamApiException e) {
      throw new LoadException(
          "source " + config.sourceName() + ": " + NatsBatch.explain(config, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  @Override
  public void read(ConnectorConfig config, TableRequest request, RowSink sink)
      throws LoadException {
    if (!NatsBatch.CURSOR.equals(request.cursorColumn())) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + ": a NATS table is append-only with the stream sequence as its cursor;"
              + " set cursor: seq and write_disposition: append");
    }
    NatsBatch old = pending.remove(request.qualifiedName());
    if (old != null) {
      old.handBack();
    }
    NatsBatch batch = new NatsBatch(connect(config), config, request);
    try {
      batch.read(sink);
      pending.put(request.qualifiedName(), batch);
    } catch (LoadException | RuntimeException e) {
      batch.handBack();
      throw e;
    }
  }

  @Override
  public void committed(TableRequest request, String cursorAfter) {
    NatsBatch b = pending.remove(request.qualifiedName());
    if (b != null) {
      b.acknowledge();
    }
  }

  @Override
  public void failed(TableRequest request) {
    NatsBatch b = pending.remove(request.qualifiedName());
    if (b != null) {
      b.handBack();
    }
  }

  static List<SourceColumn> columns() {
    return NatsBatch.COLUMNS;
  }
}

package dev.sluice.core.orchestrate;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.load.LoadOptions;
import dev.sluice.core.load.LoadReport;
import dev.sluice.core.load.SourceLoader;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.StreamSource;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stream tables {@code sluice serve} consumes beside its schedules: at each wake-up, one
 * micro-batch of each table whose connector is a {@link StreamSource}, loaded and committed with
 * its cursor before the connector acknowledges it. The connectors live as long as serve does, so a
 * batch read in one load is acknowledged by the same client that read it.
 */
final class Streams {
  /** How soon serve looks at its streams again after a batch. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final ConnectorRegistry connectors = ConnectorRegistry.discover();
  private final Path root;
  private final Map<String, String> env;
  private volatile SourceLoader loading;

  Streams(Path root, Map<String, String> env) {
    this.root = root;
    this.env = env;
  }

  /** The project's stream tables. */
  List<SourceTable> tables(Manifest manifest) {
    List<SourceTable> out = new ArrayList<>();
    for (SourceTable t : manifest.loadedSources()) {
      if (connectors.find(t.load().connector()).orElse(null) instanceof StreamSource) {
        out.add(t);
      }
    }
    return out;
  }

  /** One micro-batch of each stream table; one line for each batch that brought rows or failed. */
  List<String> consume(Manifest manifest, Warehouse warehouse, String runId) {
    List<String> lines = new ArrayList<>();
    for (SourceTable t : tables(manifest)) {
      SourceLoader loader = new SourceLoader(warehouse, env, connectors, root);
      loading = loader;
      try {
        LoadReport r = loader.load(t, new LoadOptions(runId, false, true));
        if (r.rowsLoaded() > 0) {
          lines.add("stream " + t.qualifiedName() + ": " + r.message());
        }
      } catch (LoadException e) {
        lines.add("stream " + t.qualifiedName() + " failed: " + e.getMessage());
      } finally {
        loading = null;
      }
    }
    return lines;
  }

  /** Stops the batch in progress: it rolls back and is handed back to the stream. */
  void cancel() {
    SourceLoader l = loading;
    if (l != null) {
      l.cancel();
    }
  }
}

package dev.sluice.app.results;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The project's warehouse as the editor and previews use it: one {@link Pipeline} attached to the
 * manifest the app has open, opened on first use and replaced when the project reloads. The app's
 * runs open their own; inside one process DuckDB shares the database between them. An idle session
 * closes its DuckDB file after a while, so the CLI in a terminal can build the same project while
 * the app stays open. While such a build holds the file, previews read a copy of it as of its last
 * checkpoint ({@link #readingCopy()} says so), taken again after a short while so that they catch
 * up with the build.
 */
public final class WarehouseSession implements AutoCloseable {
  /** How long the file stays open after its last use. */
  static final long IDLE_MILLIS = 20_000;

  /** How long a copy read during another process's build is used before it is taken again. */
  static final long COPY_MILLIS = 3_000;

  private final PipelineOptions options;
  private final ScheduledExecutorService idle =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sluice-warehouse-idle");
            t.setDaemon(true);
            return t;
          });
  private Manifest manifest;
  private Pipeline pipeline;
  private long lastUse;
  private long openedAt;
  private volatile String copyNote;
  private final long idleMillis;

  public WarehouseSession(PipelineOptions options) {
    this(options, IDLE_MILLIS);
  }

  WarehouseSession(PipelineOptions options, long idleMillis) {
    this.options = options;
    this.idleMillis = idleMillis;
    long every = Math.max(50, Math.min(5_000, idleMillis / 4));
    idle.scheduleWithFixedDelay(this::closeIfIdle, every, every, TimeUnit.MILLISECONDS);
  }

  /** The project changed (opened, reloaded): the next use attaches to the new manifest. */
  public synchronized void setManifest(Manifest manifest) {
    if (this.manifest != manifest) {
      this.manifest = manifest;
      closePipeline();
    }
  }

  public synchronized Manifest manifest() {
    return manifest;
  }

  /**
   * The pipeline for the current manifest; call from a worker thread, opening a DuckDB file takes
   * time. Callers use it at once: after {@link #IDLE_MILLIS} without a call it may be closed (open
   * result streams keep connections of their own, which stay valid).
   */
  public synchronized Pipeline pipeline() {
    if (manifest == null) {
      throw new IllegalStateException("no project is open");
    }
    if (pipeline != null
        && copyNote != null
        && System.currentTimeMillis() - openedAt > COPY_MILLIS) {
      closePipeline(); // the build may be done, or further along: look again
    }
    if (pipeline == null) {
      String[] note = {null};
      pipeline = Pipeline.attachForReading(manifest, options, n -> note[0] = n);
      copyNote = note[0];
      openedAt = System.currentTimeMillis();
    }
    lastUse = System.currentTimeMillis();
    return pipeline;
  }

  /**
   * While another process holds the DuckDB file: what the previews show instead (e.g. "note: ... is
   * in use by `sluice build` (pid 7546) started 08:12; reading it as of its last checkpoint").
   */
  public java.util.Optional<String> readingCopy() {
    return java.util.Optional.ofNullable(copyNote);
  }

  /** Whether the DuckDB file is held open right now. */
  public synchronized boolean isOpen() {
    return pipeline != null;
  }

  synchronized void closeIfIdle() {
    if (pipeline != null && System.currentTimeMillis() - lastUse > idleMillis) {
      closePipeline();
    }
  }

  private void closePipeline() {
    if (pipeline != null) {
      pipeline.close();
      pipeline = null;
      copyNote = null;
    }
  }

  @Override
  public synchronized void close() {
    idle.shutdownNow();
    closePipeline();
  }
}

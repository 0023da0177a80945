package dev.sluice.app.results;

import dev.sluice.core.graph.Manifest;
import dev.sluice.core.run.Pipeline;
import dev.sluice.core.run.PipelineOptions;

/**
 * The project's warehouse as the editor and previews use it: one {@link Pipeline} attached to the
 * manifest the app has open, opened on first use and replaced when the project reloads. The app's
 * runs open their own; inside one process DuckDB shares the database between them.
 */
public final class WarehouseSession implements AutoCloseable {
  private final PipelineOptions options;
  private Manifest manifest;
  private Pipeline pipeline;

  public WarehouseSession(PipelineOptions options) {
    this.options = options;
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

  /** The pipeline for the current manifest; call from a worker thread, opening a DuckDB file takes time. */
  public synchronized Pipeline pipeline() {
    if (manifest == null) {
      throw new IllegalStateException("no project is open");
    }
    if (pipeline == null) {
      pipeline = Pipeline.attach(manifest, options);
    }
    return pipeline;
  }

  private void closePipeline() {
    if (pipeline != null) {
      pipeline.close();
      pipeline = null;
    }
  }

  @Override
  public synchronized void close() {
    closePipeline();
  }
}

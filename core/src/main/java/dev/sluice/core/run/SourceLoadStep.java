package dev.sluice.core.run;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.load.LoadOptions;
import dev.sluice.core.load.LoadReport;
import dev.sluice.core.load.SourceLoader;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Map;

/** Loads source tables for the executor through the load package's {@link SourceLoader}. */
public final class SourceLoadStep implements SourceLoads {
  private final SourceLoader loader;

  public SourceLoadStep(Warehouse warehouse, Path projectRoot, Map<String, String> env) {
    this.loader = new SourceLoader(warehouse, env, ConnectorRegistry.discover(), projectRoot);
  }

  @Override
  public Outcome load(SourceTable table, String runId, boolean fullRefresh) throws Exception {
    LoadReport r = loader.load(table, new LoadOptions(runId, fullRefresh));
    return new Outcome(r.rowsLoaded(), r.message());
  }

  @Override
  public void cancel() {
    loader.cancel();
  }
}

package dev.sluice.app.warehouse;

import dev.sluice.core.pipeline.WarehouseTree;
import dev.sluice.core.pipeline.Workspace;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the warehouse browser shows: the catalog of the project's DuckDB file, read on the
 * background executor after each load and each run. A newer read wins over an older one still under
 * way.
 */
public final class WarehouseBrowserModel {
  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final ReadOnlyObjectWrapper<WarehouseTree> tree = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final AtomicLong generation = new AtomicLong();

  public WarehouseBrowserModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /** Reads the catalog of the DuckDB file at {@code duckdbPath} again. */
  public void refresh(String duckdbPath) {
    long gen = generation.incrementAndGet();
    loading.set(true);
    background.execute(
        () -> {
          WarehouseTree found = Workspace.catalog(duckdbPath);
          onUiThread.accept(
              () -> {
                if (gen == generation.get()) {
                  tree.set(found);
                  loading.set(false);
                }
              });
        });
  }

  /** No project: nothing to browse. */
  public void clear() {
    generation.incrementAndGet();
    tree.set(null);
    loading.set(false);
  }

  public ReadOnlyObjectProperty<WarehouseTree> treeProperty() {
    return tree.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}

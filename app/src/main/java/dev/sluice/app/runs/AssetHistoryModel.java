package dev.sluice.app.runs;

import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.run.NodeResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One node's own history: its latest builds across runs (the app's and the CLI's), newest first,
 * read on the background executor. A newer request wins over one still under way.
 */
public final class AssetHistoryModel {
  /** How many builds the chart shows. */
  public static final int LIMIT = 30;

  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final ObservableList<NodeResult> builds = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper node = new ReadOnlyStringWrapper();
  private final AtomicLong generation = new AtomicLong();

  public AssetHistoryModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /** Reads the builds of {@code nodeId} from the DuckDB file at {@code duckdbPath}. */
  public void show(String duckdbPath, String nodeId) {
    long gen = generation.incrementAndGet();
    if (nodeId == null) {
      node.set(null);
      builds.clear();
      return;
    }
    background.execute(
        () -> {
          Optional<List<NodeResult>> found = Workspace.nodeRuns(duckdbPath, nodeId, LIMIT);
          onUiThread.accept(
              () -> {
                if (gen == generation.get() && found.isPresent()) {
                  node.set(nodeId);
                  builds.setAll(found.get());
                }
              });
        });
  }

  public void clear() {
    show(null, null);
  }

  /** The builds, newest first. */
  public ObservableList<NodeResult> builds() {
    return builds;
  }

  /** The node they are of, once read. */
  public ReadOnlyStringProperty nodeProperty() {
    return node.getReadOnlyProperty();
  }
}

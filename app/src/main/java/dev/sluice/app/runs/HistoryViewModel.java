package dev.sluice.app.runs;

import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.RunHistory;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Past runs, read from the warehouse's metadata schema, so runs made with the CLI show too. Reads
 * happen on the background executor; the lists change on the UI thread.
 */
public final class HistoryViewModel {
  private final ObservableList<RunHistory.Run> runs = FXCollections.observableArrayList();
  private final ObservableList<NodeResult> nodes = FXCollections.observableArrayList();
  private final Executor background;
  private final Consumer<Runnable> onUiThread;

  public HistoryViewModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /** Reloads the list from the DuckDB file at {@code path} (a missing file means no runs yet). */
  public void refresh(String duckdbPath) {
    background.execute(
        () -> {
          java.util.Optional<List<RunHistory.Run>> found = Workspace.runs(duckdbPath, 200);
          if (found.isEmpty()) {
            return; // locked by a run in a terminal: keep what is shown, try again later
          }
          List<RunHistory.Run> result = found.get();
          onUiThread.accept(() -> runs.setAll(result));
        });
  }

  /** Empties the lists: another project was opened, and its own runs are read next. */
  public void clear() {
    runs.clear();
    nodes.clear();
  }

  /** Loads one run's nodes, then hands them to {@code then} on the UI thread. */
  public void open(String duckdbPath, String runId, Consumer<List<NodeResult>> then) {
    background.execute(
        () -> {
          List<NodeResult> found = Workspace.runNodes(duckdbPath, runId);
          onUiThread.accept(
              () -> {
                nodes.setAll(found);
                then.accept(found);
              });
        });
  }

  public ObservableList<RunHistory.Run> runs() {
    return runs;
  }

  public ObservableList<NodeResult> nodes() {
    return nodes;
  }
}

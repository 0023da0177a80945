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
  private final ObservableList<Workspace.LoadEntry> loads = FXCollections.observableArrayList();
  private java.util.function.Supplier<dev.sluice.core.parse.Manifest> manifest = () -> null;
  private volatile String shownPath;
  private final Executor background;
  private final Consumer<Runnable> onUiThread;

  public HistoryViewModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /** Reloads the list from the DuckDB file at {@code path} (a missing file means no runs yet). */
  public void refresh(String duckdbPath) {
    shownPath = duckdbPath;
    background.execute(
        () -> {
          java.util.Optional<List<RunHistory.Run>> found = Workspace.runs(duckdbPath, 200);
          if (found.isEmpty()) {
            return; // locked by a run in a terminal: keep what is shown, try again later
          }
          List<RunHistory.Run> result = found.get();
          List<Workspace.LoadEntry> recent = Workspace.loads(duckdbPath, 200).orElse(null);
          onUiThread.accept(
              () -> {
                runs.setAll(result);
                if (recent != null) {
                  loads.setAll(recent);
                }
              });
        });
  }

  /** Where the project comes from, for dropping a load (which needs its source tables). */
  public void manifest(java.util.function.Supplier<dev.sluice.core.parse.Manifest> source) {
    this.manifest = source;
  }

  /**
   * Takes one load back out, as {@code sluice load --drop-load} does, then refreshes and hands what
   * was done (or why not) to {@code then} on the UI thread.
   */
  public void dropLoad(String loadId, Consumer<String> then) {
    dev.sluice.core.parse.Manifest m = manifest.get();
    String duckdbPath = shownPath;
    background.execute(
        () -> {
          String text;
          if (m == null) {
            text = "Open a project first.";
          } else {
            try {
              text = String.join("; ", Workspace.dropLoad(m, loadId));
            } catch (IllegalArgumentException e) {
              text = e.getMessage();
            }
          }
          String shown = text;
          refresh(duckdbPath);
          onUiThread.accept(() -> then.accept(shown));
        });
  }

  /** Empties the lists: another project was opened, and its own runs are read next. */
  public void clear() {
    runs.clear();
    nodes.clear();
    loads.clear();
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

  /** The newest loads, one per table and load, from {@code _sluice.loads}. */
  public ObservableList<Workspace.LoadEntry> loads() {
    return loads;
  }

  public ObservableList<NodeResult> nodes() {
    return nodes;
  }
}

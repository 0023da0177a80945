package dev.sluice.app.runs;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunSummary;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Starts runs through the same core pipeline as the CLI, on a background executor, and hands every
 * event to the view-model on the UI thread. The DuckDB file is open only while a run is, so the CLI
 * can use it in between.
 */
public final class RunService {
  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final RunViewModel model;
  private final PipelineOptions options;
  private volatile Pipeline current;

  /**
   * @param onUiThread {@code Platform::runLater} in the app; {@code Runnable::run} in tests
   */
  public RunService(
      Executor background,
      Consumer<Runnable> onUiThread,
      RunViewModel model,
      PipelineOptions options) {
    this.background = background;
    this.onUiThread = onUiThread;
    this.model = model;
    this.options = options.from("app");
  }

  /**
   * Runs {@code command} over the selection. {@code done} gets the summary, or the error that kept
   * the run from starting (a project error, a locked file), on the UI thread.
   */
  public void start(
      Path project,
      Command command,
      String select,
      Consumer<RunSummary> done,
      Consumer<Throwable> failed) {
    if (model.runningProperty().get()) {
      throw new IllegalStateException("a run is already in progress");
    }
    model.runningProperty().set(true);
    background.execute(
        () -> {
          RunSummary summary;
          try (Pipeline p = Pipeline.open(project, options)) {
            current = p;
            summary =
                p.run(
                    command, select, null, 0, false, e -> onUiThread.accept(() -> model.apply(e)));
          } catch (RuntimeException e) {
            onUiThread.accept(
                () -> {
                  model.runningProperty().set(false);
                  model.statusProperty().set("Could not run: " + firstLine(e.getMessage()));
                  failed.accept(e);
                });
            return;
          } finally {
            current = null;
          }
          // only now is the DuckDB file closed, so whatever runs next (history, staleness) can open
          // it
          RunSummary s = summary;
          onUiThread.accept(() -> done.accept(s));
        });
  }

  public void cancel() {
    Pipeline p = current;
    if (p != null) {
      p.cancel();
    }
  }

  public RunViewModel model() {
    return model;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " …";
  }
}

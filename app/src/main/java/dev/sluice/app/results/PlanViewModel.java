package dev.sluice.app.results;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.query.QueryPlan;
import dev.sluice.core.query.ResultStream;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One Explain tab's state: the query's profiled plan, or why there is none. The query runs on a
 * worker (EXPLAIN ANALYZE runs it to its end); everything observable changes on the UI thread.
 */
public final class PlanViewModel {
  private final WarehouseSession session;
  private final Executor worker;
  private final Consumer<Runnable> onUi;
  private final ObjectProperty<QueryPlan> plan = new SimpleObjectProperty<>();
  private final StringProperty error = new SimpleStringProperty();
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty();
  private ResultStream.Cancel cancel = new ResultStream.Cancel();
  private long generation;

  public PlanViewModel(WarehouseSession session, Executor worker, Consumer<Runnable> onUi) {
    this.session = session;
    this.worker = worker;
    this.onUi = onUi;
  }

  /** Profiles the SQL that {@code compile} makes; {@code what} names it in a failure. */
  public void explain(String what, Function<Pipeline, String> compile) {
    cancel();
    long gen = ++generation;
    ResultStream.Cancel mine = new ResultStream.Cancel();
    cancel = mine;
    running.set(true);
    error.set(null);
    plan.set(null);
    status.set("Explaining…");
    worker.execute(
        () -> {
          try {
            Pipeline p = session.pipeline();
            QueryPlan found = Workspace.explain(p, what, compile.apply(p), mine);
            onUi.accept(
                () -> {
                  if (gen == generation) {
                    running.set(false);
                    plan.set(found);
                    status.set(
                        QueryPlan.millis(found.totalSeconds())
                            + " · hottest: "
                            + found.hottest().operator()
                            + String.format(
                                java.util.Locale.ROOT,
                                " (%.0f%%)",
                                100 * found.share(found.hottest())));
                  }
                });
          } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
            onUi.accept(
                () -> {
                  if (gen == generation) {
                    running.set(false);
                    boolean cancelled = "cancelled".equals(message);
                    status.set(cancelled ? "Cancelled" : "Failed");
                    error.set(cancelled ? null : message);
                  }
                });
          }
        });
  }

  public void cancel() {
    cancel.cancel();
  }

  public ObjectProperty<QueryPlan> planProperty() {
    return plan;
  }

  /** DuckDB's or the compiler's message when the last explain failed, else null. */
  public StringProperty errorProperty() {
    return error;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty runningProperty() {
    return running;
  }
}

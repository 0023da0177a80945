package dev.sluice.app.results;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.query.Profiler;
import dev.sluice.core.query.ResultStream;
import dev.sluice.core.query.TableProfile;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A node's column profile, computed in DuckDB on a worker and published on the UI thread. */
public final class ProfileViewModel {
  private final WarehouseSession session;
  private final Executor worker;
  private final Consumer<Runnable> onUi;
  private final ObjectProperty<TableProfile> profile = new SimpleObjectProperty<>();
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty();
  private ResultStream.Cancel cancel = new ResultStream.Cancel();

  public ProfileViewModel(WarehouseSession session, Executor worker, Consumer<Runnable> onUi) {
    this.session = session;
    this.worker = worker;
    this.onUi = onUi;
  }

  public void profile(String title, Function<Pipeline, String> compile) {
    cancel.cancel();
    ResultStream.Cancel mine = new ResultStream.Cancel();
    cancel = mine;
    running.set(true);
    status.set("Profiling " + title + "…");
    worker.execute(
        () -> {
          try {
            Pipeline p = session.pipeline();
            TableProfile result = Profiler.profile(p.warehouse(), compile.apply(p), mine);
            onUi.accept(
                () -> {
                  if (cancel == mine) {
                    profile.set(result);
                    running.set(false);
                    status.set(
                        String.format(
                            Locale.ROOT,
                            "%s · %,d rows · %d columns · %,d ms",
                            title,
                            result.rows(),
                            result.columns().size(),
                            result.millis()));
                  }
                });
          } catch (Exception e) {
            onUi.accept(
                () -> {
                  if (cancel == mine) {
                    running.set(false);
                    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
                    status.set(
                        "cancelled".equals(m)
                            ? "Cancelled"
                            : "Could not profile " + title + ": " + m);
                  }
                });
          }
        });
  }

  public void cancel() {
    cancel.cancel();
  }

  /** Forgets the profile shown: another project was opened. */
  public void clear() {
    cancel();
    cancel = new ResultStream.Cancel();
    running.set(false);
    profile.set(null);
    status.set("");
  }

  public ObjectProperty<TableProfile> profileProperty() {
    return profile;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty runningProperty() {
    return running;
  }
}

package dev.sluice.app.automation;

import dev.sluice.core.orchestrate.Automated;
import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.AutomationReader;
import dev.sluice.core.orchestrate.AutomationState;
import dev.sluice.core.orchestrate.Backfill;
import dev.sluice.core.orchestrate.CronTicks;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.orchestrate.Sensor;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Automation tab's state. Reading definitions and state, switching and backfilling all happen
 * on the background executor; properties change on the UI thread only.
 */
public final class AutomationViewModel {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final Clock clock;
  private final ObservableList<AutomationRow> rows = FXCollections.observableArrayList();
  private final StringProperty problems = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty backfilling = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper();
  private final Map<String, String> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Manifest manifest;
  private volatile boolean stopBackfill;
  private Runnable onRunsChanged = () -> {};

  public AutomationViewModel(Executor background, Consumer<Runnable> onUiThread, Clock clock) {
    this.background = background;
    this.onUiThread = onUiThread;
    this.clock = clock;
  }

  /** Called after a backfill run lands in the history, so the History tab can reload. */
  public void setOnRunsChanged(Runnable r) {
    onRunsChanged = r;
  }

  /** Reads the project's automation and its state again (the manifest may be null: no project). */
  public void refresh(Manifest m) {
    this.manifest = m;
    if (m == null) {
      onUiThread.accept(
          () -> {
            rows.clear();
            problems.set("");
          });
      return;
    }
    background.execute(
        () -> {
          Automation a = AutomationReader.read(m);
          String problemText =
              String.join("\n", a.problems().stream().map(Object::toString).toList());
          String path = m.project().settings().target(null).path();
          List<AutomationRow> found = new ArrayList<>();
          List<String> failures = new ArrayList<>();
          Instant now = clock.instant();
          if (!path.equals(":memory:") && !Files.exists(Path.of(path))) {
            a.automated().forEach(x -> found.add(row(x, null, now, failures)));
          } else {
            Warehouse w = openSoon(path);
            if (w == null) {
              // serve or a build in a terminal holds the file: keep what is shown, or at least
              // list the definitions until the state can be read
              if (!rows.isEmpty()) {
                return;
              }
              a.automated().forEach(x -> found.add(row(x, null, now, failures)));
            } else {
              try (w) {
                AutomationState state = new AutomationState(w);
                a.automated().forEach(x -> found.add(row(x, state, now, failures)));
              } catch (RuntimeException e) {
                return;
              }
            }
          }
          onUiThread.accept(
              () -> {
                rows.setAll(found);
                problems.set(problemText);
                if (!failures.isEmpty()) {
                  alert.set(String.join("\n", failures));
                }
              });
        });
  }

  /** The warehouse, trying a few times while another process holds it for a moment; or null. */
  private static Warehouse openSoon(String path) {
    for (int i = 0; i < 5; i++) {
      try {
        return dev.sluice.core.pipeline.Workspace.openWarehouse(path);
      } catch (RuntimeException e) {
        try {
          Thread.sleep(400);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
    return null;
  }

  private AutomationRow row(Automated a, AutomationState state, Instant now, List<String> failed) {
    boolean on = state == null || state.enabled(a.name());
    String last = "";
    if (state != null) {
      var claim = state.last(a.name());
      if (claim.isPresent()) {
        var c = claim.get();
        last = c.status() + " " + local(c.finishedAt());
        String key = c.runKey() + " " + c.status();
        String before = lastSeen.put(a.name(), key);
        if (before != null && !before.equals(key) && c.status().equals("failed")) {
          failed.add(a.trigger() + " failed at " + local(c.finishedAt()));
        }
      } else {
        lastSeen.putIfAbsent(a.name(), ""); // seen with no runs: its first failure is news
      }
    }
    String next;
    String when;
    String kind;
    if (a instanceof Schedule s) {
      kind = "schedule";
      when = s.cron() + " (" + s.zone().getId() + ")";
      next = on ? CronTicks.of(s).next(now).map(this::local).orElse("never") : "switched off";
    } else {
      Sensor sensor = (Sensor) a;
      kind =
          sensor instanceof Sensor.Files
              ? "files"
              : sensor instanceof Sensor.Query ? "query" : "run";
      when =
          sensor instanceof Sensor.Files f
              ? f.path()
              : sensor instanceof Sensor.Query q
                  ? q.sql()
                  : "after " + ((Sensor.AfterRun) a).after();
      Instant looked =
          state == null
              ? null
              : state.cursor(a.name()).map(AutomationState.Cursor::checkedAt).orElse(null);
      next =
          !on
              ? "switched off"
              : looked == null ? "at the next look" : local(looked.plus(sensor.minInterval()));
    }
    return new AutomationRow(
        a.name(), kind, when, a.select() == null ? "all" : a.select(), next, last, on);
  }

  private String local(Instant t) {
    return t == null ? "" : SHOWN.format(t.atZone(ZoneId.systemDefault()));
  }

  /** Switches a schedule or sensor on or off for serve (and for this tab). */
  public void setEnabled(String name, boolean on) {
    Manifest m = manifest;
    if (m == null) {
      return;
    }
    background.execute(
        () -> {
          try (Warehouse w =
              dev.sluice.core.pipeline.Workspace.openWarehouse(
                  m.project().settings().target(null).path())) {
            new AutomationState(w).enabled(name, on, clock.instant());
          } catch (RuntimeException e) {
            onUiThread.accept(() -> status.set("Could not switch " + name + ": " + e.getMessage()));
            return;
          }
          onUiThread.accept(() -> status.set(name + " is " + (on ? "on" : "off")));
          refresh(m);
        });
  }

  /** Runs a schedule once per day from {@code from} to {@code to}, with run_date as a var. */
  public void backfill(String schedule, LocalDate from, LocalDate to) {
    Manifest m = manifest;
    if (m == null || backfilling.get()) {
      return;
    }
    Automation a = AutomationReader.read(m);
    var found = a.find(schedule);
    if (found.isEmpty() || !(found.get() instanceof Schedule s)) {
      status.set("Backfill needs a schedule; " + schedule + " is not one");
      return;
    }
    int days;
    try {
      days = Backfill.days(from, to).size();
    } catch (IllegalArgumentException e) {
      status.set("Backfill: " + e.getMessage());
      return;
    }
    backfilling.set(true);
    stopBackfill = false;
    status.set("Backfilling " + schedule + ": " + days + " day(s) from " + from + "...");
    background.execute(
        () -> {
          String done;
          try {
            List<RunSummary> runs =
                Backfill.run(
                    m.project().root(),
                    PipelineOptions.defaults().from("app"),
                    s,
                    from,
                    to,
                    RunListener.NONE,
                    () -> stopBackfill);
            long failed = runs.stream().filter(RunSummary::failed).count();
            done =
                "Backfilled "
                    + schedule
                    + ": "
                    + runs.size()
                    + " of "
                    + days
                    + " day(s), "
                    + failed
                    + " failed";
          } catch (RuntimeException e) {
            done = "Backfill of " + schedule + " stopped: " + e.getMessage();
          }
          String text = done;
          onUiThread.accept(
              () -> {
                backfilling.set(false);
                status.set(text);
                onRunsChanged.run();
              });
          refresh(m);
        });
  }

  /** Stops a backfill after the day in progress. */
  public void stopBackfill() {
    stopBackfill = true;
  }

  public ObservableList<AutomationRow> rows() {
    return rows;
  }

  public StringProperty problemsProperty() {
    return problems;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty backfillingProperty() {
    return backfilling;
  }

  /** The newest failure of an automated run since the tab last looked, for a notification. */
  public javafx.beans.property.ReadOnlyStringProperty alertProperty() {
    return alert.getReadOnlyProperty();
  }
}

package dev.sluice.core.orchestrate;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.run.RunEvent;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.warehouse.WarehouseException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What {@code sluice serve} does: at each wake-up, open the project (so edits are picked up),
 * evaluate what is due, run it one run at a time, record it, alert, close the warehouse again (so
 * the app and the CLI can use it between ticks), and sleep until the next tick or sensor look.
 */
public final class ServeLoop {
  /** Sensors and freshness are looked at least this often. */
  static final Duration MAX_SLEEP = Duration.ofSeconds(60);

  /** How soon to try again when another process holds the DuckDB file. */
  static final Duration BUSY_RETRY = Duration.ofSeconds(2);

  private final Path root;
  private final PipelineOptions options;
  private final Clock clock;
  private final Consumer<String> log;
  private final RunListener listener;
  private final Object wake = new Object();
  private final AtomicReference<Pipeline> running = new AtomicReference<>();
  private final Streams streams;
  private volatile boolean stopped;

  /**
   * @param log one line per thing serve did or could not do
   * @param listener the events of every run serve starts
   */
  public ServeLoop(
      Path root, PipelineOptions options, Clock clock, Consumer<String> log, RunListener listener) {
    this.root = root;
    this.options = options.from("serve");
    this.clock = clock;
    this.log = log;
    this.listener = listener;
    this.streams = new Streams(root, options.env());
  }

  /** How one run went: the summary, or why it could not start. */
  public record Outcome(RunRequest request, RunSummary summary, String error) {
    public boolean succeeded() {
      return summary != null && !summary.failed();
    }
  }

  /** What one evaluation did, and when the next one is due. */
  public record Tick(Instant at, List<Outcome> runs, List<String> notes, Instant next) {}

  /** The stream tables serve consumes in micro-batches, as {@code source.table}. */
  public static List<String> streamTables(Pipeline p, PipelineOptions options) {
    return new Streams(p.manifest().project().root(), options.env())
        .tables(p.manifest()).stream().map(t -> t.qualifiedName()).toList();
  }

  /** Evaluates everything once at the clock's time and runs what is due. */
  public Tick once() {
    Instant now = clock.instant();
    List<Outcome> outcomes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Instant next = now.plus(MAX_SLEEP);
    Pipeline base;
    try {
      base = Pipeline.open(root, options);
    } catch (ProjectException e) {
      e.problems().forEach(p -> notes.add(p.toString()));
      notes.add("the project has problems; nothing ran at " + now);
      notes.forEach(log);
      return new Tick(now, outcomes, notes, next);
    } catch (WarehouseException e) {
      // the app or a build holds the file for a moment: look again soon, nothing is lost
      notes.add("cannot open the warehouse (" + e.getMessage() + "); trying again in 2s");
      notes.forEach(log);
      return new Tick(now, outcomes, notes, now.plus(BUSY_RETRY));
    }
    try {
      Automation automation = AutomationReader.read(base.manifest());
      automation.problems().stream()
          .filter(ProjectProblem::isError)
          .forEach(p -> notes.add(p + " (left out until fixed)"));
      AutomationState state = new AutomationState(base.warehouse());
      Alerts alerts = new Alerts(automation.alerts(), options.env(), log);
      Evaluator.Due due =
          new Evaluator(automation, state, base.manifest(), base.warehouse(), base.history())
              .due(now);
      notes.addAll(due.notes());
      notes.forEach(log);
      Evaluator evaluator =
          new Evaluator(automation, state, base.manifest(), base.warehouse(), base.history());
      runAll(due.runs(), base, state, alerts, outcomes);
      runAll(evaluator.freshness(now), base, state, alerts, outcomes);
      freshnessAlerts(evaluator.stale(now), state, alerts, now);
      next = next(automation, state, now);
      if (!stopped && !streams.tables(base.manifest()).isEmpty()) {
        // stream tables: one micro-batch each, then look again soon
        streams.consume(base.manifest(), base.warehouse(), "serve").forEach(log);
        Instant soon = clock.instant().plus(Streams.POLL);
        if (soon.isBefore(next)) {
          next = soon;
        }
      }
    } finally {
      base.close();
    }
    return new Tick(now, outcomes, notes, next);
  }

  private void runAll(
      List<RunRequest> runs,
      Pipeline base,
      AutomationState state,
      Alerts alerts,
      List<Outcome> outcomes) {
    for (RunRequest r : runs) {
      if (stopped) {
        return; // still claimed: the next serve resumes it
      }
      outcomes.add(run(r, base, state, alerts));
    }
  }

  private Outcome run(RunRequest r, Pipeline base, AutomationState state, Alerts alerts) {
    log.accept("starting " + r.trigger() + (r.select() == null ? "" : " (" + r.select() + ")"));
    Optional<AutomationState.Claim> before = state.last(r.automation());
    Pipeline p = base;
    try {
      if (!r.vars().isEmpty()) {
        Map<String, Object> vars = new LinkedHashMap<>(options.vars());
        vars.putAll(r.vars());
        p = Pipeline.open(root, options.withVars(vars));
      }
      running.set(p);
      RunListener tagging =
          e -> {
            if (e instanceof RunEvent.RunStarted s) {
              state.running(r.automation(), r.runKey(), s.runId());
            }
            listener.on(e);
          };
      RunSummary s = p.run(Command.BUILD, r.select(), null, 0, false, tagging, r.trigger());
      if (s.cancelled()) {
        log.accept(r.trigger() + " was cancelled; it runs again when serve next starts");
        return new Outcome(r, s, null);
      }
      String status = s.failed() ? "failed" : "succeeded";
      state.finished(r.automation(), r.runKey(), status, clock.instant());
      log.accept(
          r.trigger()
              + " "
              + status
              + " (run "
              + s.runId()
              + ")"
              + (s.failed() ? ": " + failures(s) : ""));
      if (s.failed()) {
        alerts.send(
            new AlertMessage(
                Alert.On.FAILURE,
                r.automation(),
                s.runId(),
                "Sluice: " + r.trigger() + " failed: " + failures(s)));
      } else if (before.isPresent() && before.get().status().equals("failed")) {
        alerts.send(
            new AlertMessage(
                Alert.On.RECOVERY,
                r.automation(),
                s.runId(),
                "Sluice: " + r.trigger() + " succeeded again"));
      }
      return new Outcome(r, s, null);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      state.finished(r.automation(), r.runKey(), "failed", clock.instant());
      log.accept(r.trigger() + " could not run: " + why);
      alerts.send(
          new AlertMessage(
              Alert.On.FAILURE,
              r.automation(),
              null,
              "Sluice: " + r.trigger() + " could not run: " + why));
      return new Outcome(r, null, why);
    } finally {
      running.set(null);
      if (p != base) {
        p.close();
      }
    }
  }

  private static String failures(RunSummary s) {
    List<String> bad = new ArrayList<>();
    s.results().stream()
        .filter(n -> n.status().failsRun())
        .limit(3)
        .forEach(n -> bad.add(n.kind() + " " + n.name() + " (" + n.message() + ")"));
    return bad.isEmpty() ? "cancelled" : String.join("; ", bad);
  }

  private void freshnessAlerts(
      List<String> stale, AutomationState state, Alerts alerts, Instant now) {
    String key = "alert:freshness";
    String value = String.join(", ", stale.stream().sorted().distinct().toList());
    String last = state.cursor(key).map(AutomationState.Cursor::value).orElse("");
    if (!value.equals(last)) {
      state.cursor(key, value, now);
      if (!value.isEmpty()) {
        alerts.send(
            new AlertMessage(
                Alert.On.FRESHNESS, "freshness", null, "Sluice: past max_staleness: " + value));
      }
    }
  }

  /** The next schedule tick or sensor look, at most {@link #MAX_SLEEP} away. */
  private static Instant next(Automation a, AutomationState state, Instant now) {
    Instant next = now.plus(MAX_SLEEP);
    for (Schedule s : a.schedules()) {
      Optional<Instant> t = CronTicks.of(s).next(now);
      if (t.isPresent() && t.get().isBefore(next)) {
        next = t.get();
      }
    }
    for (Sensor s : a.sensors()) {
      Instant t = now.plus(s.minInterval());
      if (t.isBefore(next)) {
        next = t;
      }
    }
    return next;
  }

  /** Runs until {@link #stop()}: evaluate, sleep until the next tick, again. */
  public void loop() {
    while (!stopped) {
      Tick t = once();
      long ms = Duration.between(clock.instant(), t.next()).toMillis();
      synchronized (wake) {
        if (!stopped && ms > 0) {
          try {
            wake.wait(ms);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Stops the loop; a run in progress is cancelled and rolls back, to be resumed next start. */
  public void stop() {
    stopped = true;
    streams.cancel();
    Pipeline p = running.get();
    if (p != null) {
      p.cancel();
    }
    synchronized (wake) {
      wake.notifyAll();
    }
  }
}

package dev.sluice.app.runs;

import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.RunEvent;
import dev.sluice.core.run.RunSummary;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The state of a run as the app shows it: each node's state and result, overall progress, a log,
 * and a one-line status. {@link #apply} is a pure state machine over {@link RunEvent}s; it must be
 * called on the FX thread (or, in tests, on one thread).
 */
public final class RunViewModel {
  private final ObservableMap<String, NodeRunState> states = FXCollections.observableHashMap();
  private final ObservableMap<String, NodeResult> results = FXCollections.observableHashMap();
  private final ObservableList<NodeResult> finished = FXCollections.observableArrayList();
  private final ObservableList<String> log = FXCollections.observableArrayList();
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final StringProperty status = new SimpleStringProperty("No run yet");
  private final ObjectProperty<RunSummary> lastSummary = new SimpleObjectProperty<>();
  private final ObjectProperty<String> viewing = new SimpleObjectProperty<>();
  private Live live;
  private int total;
  private String runId;

  /** What the live run showed when a past run was put on view, so leaving the view restores it. */
  private record Live(
      java.util.Map<String, NodeRunState> states,
      java.util.Map<String, NodeResult> results,
      List<NodeResult> finished) {}

  public void apply(RunEvent event) {
    showLive(); // a past run is a view: anything the live run does brings the live state back
    if (event instanceof RunEvent.RunStarted s) {
      runId = s.runId();
      total = s.nodeIds().size();
      states.clear();
      results.clear();
      finished.clear();
      s.nodeIds().forEach(id -> states.put(id, NodeRunState.QUEUED));
      progress.set(total == 0 ? 1 : 0);
      running.set(true);
      status.set("Running " + s.command() + ": 0 of " + total);
      log.add("Started " + s.command() + " with " + total + " node" + (total == 1 ? "" : "s"));
    } else if (!event.runId().equals(runId)) {
      return; // an event of an older run that arrived late
    } else if (event instanceof RunEvent.NodeStarted s) {
      states.put(s.nodeId(), NodeRunState.RUNNING);
    } else if (event instanceof RunEvent.NodeRetrying r) {
      log.add(
          "RETRY "
              + r.nodeId()
              + ": attempt "
              + r.attempt()
              + " of "
              + r.of()
              + " failed ("
              + r.message()
              + "); trying again in "
              + dev.sluice.core.run.DurationText.format(r.delay()));
    } else if (event instanceof RunEvent.NodeFinished f) {
      NodeResult r = f.result();
      results.put(r.nodeId(), r); // before the state: views read the result when the state changes
      states.put(r.nodeId(), NodeRunState.of(r.status()));
      finished.add(r);
      progress.set(total == 0 ? 1 : (double) f.index() / f.total());
      status.set("Running: " + f.index() + " of " + f.total());
      log.add(
          String.format(
              Locale.ROOT,
              "%d of %d  %-9s %s %s  %s",
              f.index(),
              f.total(),
              r.status().label().toUpperCase(Locale.ROOT),
              r.kind(),
              r.name(),
              r.message()));
    } else if (event instanceof RunEvent.RunFinished f) {
      RunSummary s = f.summary();
      lastSummary.set(s);
      running.set(false);
      progress.set(1);
      long failed = s.results().stream().filter(r -> r.status().failsRun()).count();
      status.set(describe(s, failed));
      log.add(status.get());
    }
  }

  static String describe(RunSummary s, long failed) {
    String time = String.format(Locale.ROOT, "%.1f s", s.durationMillis() / 1000.0);
    if (s.cancelled()) {
      return "Run cancelled after " + time;
    }
    if (failed > 0) {
      return "Run failed: " + failed + " of " + s.results().size() + " nodes failed (" + time + ")";
    }
    return "Run succeeded: " + s.results().size() + " nodes in " + time;
  }

  /**
   * Puts a past run's outcome on the graph. It is a view, not the state: {@link #showLive}, the
   * next run event or {@link #reset} leaves it.
   */
  public void showPast(String pastRunId, List<NodeResult> past) {
    if (live == null) {
      live =
          new Live(
              new java.util.HashMap<>(states),
              new java.util.HashMap<>(results),
              List.copyOf(finished));
    }
    viewing.set(pastRunId);
    states.clear();
    results.clear();
    finished.setAll(past);
    for (NodeResult r : past) {
      results.put(r.nodeId(), r);
      states.put(r.nodeId(), NodeRunState.of(r.status()));
    }
  }

  /** Leaves the view of a past run, if one is shown, and shows the live state again. */
  public void showLive() {
    if (live == null) {
      return;
    }
    Live l = live;
    live = null;
    states.clear();
    results.clear();
    results.putAll(l.results());
    states.putAll(l.states());
    finished.setAll(l.finished());
    viewing.set(null);
  }

  /** Forgets everything: another project was opened, and it starts from its own state. */
  public void reset() {
    live = null;
    viewing.set(null);
    runId = null;
    total = 0;
    states.clear();
    results.clear();
    finished.clear();
    log.clear();
    progress.set(0);
    running.set(false);
    lastSummary.set(null);
    status.set("No run yet");
  }

  /** The id of the past run on view, or null while the graph shows the live state. */
  public ObjectProperty<String> viewingProperty() {
    return viewing;
  }

  public NodeRunState state(String nodeId) {
    return states.getOrDefault(nodeId, NodeRunState.IDLE);
  }

  public ObservableMap<String, NodeRunState> states() {
    return states;
  }

  public ObservableMap<String, NodeResult> results() {
    return results;
  }

  public ObservableList<NodeResult> finished() {
    return finished;
  }

  public ObservableList<String> log() {
    return log;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObjectProperty<RunSummary> lastSummaryProperty() {
    return lastSummary;
  }
}

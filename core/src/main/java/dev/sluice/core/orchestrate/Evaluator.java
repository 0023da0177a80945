package dev.sluice.core.orchestrate;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.run.RunHistory;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, at one instant, which runs are due: unfinished keys of an earlier serve first, then each
 * switched-on schedule's ticks, each sensor whose interval has passed, and each freshness rule
 * whose nodes would go stale. Every run it returns has its key claimed, so no two evaluations (nor
 * two processes in turn) return the same run.
 */
public final class Evaluator {
  /** A tick this close to now counts as due even with {@code catch_up: none}. */
  static final Duration GRACE = Duration.ofMinutes(1);

  /** At most this many missed ticks run with {@code catch_up: all}; the newest are kept. */
  static final int MAX_CATCH_UP = 100;

  private final Automation automation;
  private final AutomationState state;
  private final Manifest manifest;
  private final Warehouse warehouse;
  private final RunHistory history;

  public Evaluator(
      Automation automation,
      AutomationState state,
      Manifest manifest,
      Warehouse warehouse,
      RunHistory history) {
    this.automation = automation;
    this.state = state;
    this.manifest = manifest;
    this.warehouse = warehouse;
    this.history = history;
  }

  /** The runs due at {@code now}, and what could not be looked at. */
  public record Due(List<RunRequest> runs, List<String> notes) {}

  /**
   * Unfinished keys, schedules and sensors. Freshness comes after their runs ({@link #freshness}),
   * so a node a schedule just built is not built again.
   */
  public Due due(Instant now) {
    List<RunRequest> runs = new ArrayList<>(resumed());
    List<String> notes = new ArrayList<>();
    for (Schedule s : automation.schedules()) {
      if (state.enabled(s.name())) {
        runs.addAll(schedule(s, now));
      }
    }
    for (Sensor s : automation.sensors()) {
      if (!state.enabled(s.name())) {
        continue;
      }
      var c = state.cursor(s.name());
      if (c.isPresent()
          && c.get().checkedAt() != null
          && c.get().checkedAt().plus(s.minInterval()).isAfter(now)) {
        continue;
      }
      try {
        runs.addAll(sensor(s, now, c.map(AutomationState.Cursor::value).orElse(null)));
      } catch (RuntimeException e) {
        notes.add("sensor " + s.name() + " could not look: " + e.getMessage());
        state.cursor(s.name(), c.map(AutomationState.Cursor::value).orElse(null), now);
      }
    }
    return new Due(runs, notes);
  }

  /** A run for each freshness rule whose nodes would go stale, unless one ran for that already. */
  public List<RunRequest> freshness(Instant now) {
    Map<String, Instant> built = lastBuilt();
    List<RunRequest> runs = new ArrayList<>();
    for (FreshnessRule f : automation.freshness()) {
      runs.addAll(freshness(f, now, built, new ArrayList<>()));
    }
    return runs;
  }

  /** The nodes of freshness rules that are past their {@code max_staleness} now. */
  public List<String> stale(Instant now) {
    Map<String, Instant> built = lastBuilt();
    List<String> stale = new ArrayList<>();
    for (FreshnessRule f : automation.freshness()) {
      staleNodes(f, now, built, stale);
    }
    return stale;
  }

  /** Keys claimed by a serve that stopped before their run finished: run them now, once. */
  private List<RunRequest> resumed() {
    List<RunRequest> out = new ArrayList<>();
    for (AutomationState.Claim c : state.unfinished()) {
      Optional<Automated> a = automation.find(c.automation());
      if (a.isPresent() && a.get() instanceof Schedule s) {
        out.add(tickRun(s, Instant.parse(c.runKey())));
      } else if (a.isPresent() && a.get() instanceof Sensor.Files f) {
        out.add(fileRun(f, c.runKey()));
      } else if (a.isPresent()) {
        out.add(
            new RunRequest(
                c.automation(), c.runKey(), a.get().trigger(), a.get().select(), Map.of()));
      } else {
        out.add(freshnessRun(c.automation(), c.runKey()));
      }
    }
    return out.stream().filter(r -> r != null).toList();
  }

  private List<RunRequest> schedule(Schedule s, Instant now) {
    CronTicks ticks = CronTicks.of(s);
    Instant since =
        state.cursor(s.name()).map(c -> Instant.parse(c.value())).orElse(now.minus(GRACE));
    List<Instant> missed = ticks.between(since, now, MAX_CATCH_UP);
    List<Instant> chosen =
        switch (s.catchUp()) {
          case ALL -> missed;
          case LATEST -> missed.isEmpty() ? List.of() : List.of(missed.get(missed.size() - 1));
          case NONE ->
              missed.isEmpty() || missed.get(missed.size() - 1).isBefore(now.minus(GRACE))
                  ? List.of()
                  : List.of(missed.get(missed.size() - 1));
        };
    List<RunRequest> out = new ArrayList<>();
    for (Instant t : chosen) {
      if (state.claim(s.name(), t.toString(), now)) {
        out.add(tickRun(s, t));
      }
    }
    state.cursor(s.name(), now.toString(), now);
    return out;
  }

  static RunRequest tickRun(Schedule s, Instant tick) {
    LocalDate day = tick.atZone(s.zone()).toLocalDate();
    return new RunRequest(
        s.name(),
        tick.toString(),
        s.trigger() + " at " + tick,
        s.select(),
        Map.of("run_date", day.toString()));
  }

  private List<RunRequest> sensor(Sensor s, Instant now, String cursor) {
    List<RunRequest> out = new ArrayList<>();
    String next = cursor;
    if (s instanceof Sensor.Files f) {
      for (String key : files(f)) {
        if (state.claim(f.name(), key, now)) {
          out.add(fileRun(f, key));
        }
      }
    } else if (s instanceof Sensor.Query q) {
      String value =
          warehouse
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(q.sql())
                          .map((rs, ctx) -> String.valueOf(rs.getObject(1)))
                          .findFirst()
                          .orElse("(no rows)"));
      if (cursor != null && !cursor.equals(value)) {
        String key = now + " " + value;
        if (state.claim(q.name(), key, now)) {
          out.add(
              new RunRequest(
                  q.name(), key, q.trigger() + ": result is now " + value, q.select(), Map.of()));
        }
      }
      next = value;
    } else if (s instanceof Sensor.AfterRun a) {
      String prefix = automation.find(a.after()).map(Automated::trigger).orElse("?");
      List<RunHistory.Run> finished =
          history.runs(50).stream()
              .filter(
                  r ->
                      r.triggeredBy() != null
                          && (r.triggeredBy().equals(prefix)
                              || r.triggeredBy().startsWith(prefix + " "))
                          && "succeeded".equals(r.status())
                          && r.finishedAt() != null)
              .toList();
      // the first look takes what already finished as seen: only runs after it count
      Instant seen =
          cursor != null
              ? Instant.parse(cursor)
              : finished.stream()
                  .map(RunHistory.Run::finishedAt)
                  .max(Instant::compareTo)
                  .orElse(Instant.EPOCH);
      Instant newest = seen;
      for (RunHistory.Run r : finished) {
        if (r.finishedAt().isAfter(seen)) {
          if (r.finishedAt().isAfter(newest)) {
            newest = r.finishedAt();
          }
          if (state.claim(a.name(), r.runId(), now)) {
            out.add(
                new RunRequest(
                    a.name(),
                    r.runId(),
                    a.trigger() + ": " + a.after() + " finished",
                    a.select(),
                    Map.of()));
          }
        }
      }
      next = newest.toString();
    }
    state.cursor(s.name(), next, now);
    return out;
  }

  static RunRequest fileRun(Sensor.Files f, String key) {
    String file = key.substring(0, key.lastIndexOf('@'));
    return new RunRequest(
        f.name(), key, f.trigger() + ": " + file, f.select(), Map.of("sensor_file", file));
  }

  /** Files matching the glob, as {@code path@modified-millis}, oldest first. */
  private List<String> files(Sensor.Files f) {
    Path root = manifest.project().root();
    String glob = f.path().replace('\\', '/');
    int star = firstWildcard(glob);
    String fixed = glob.substring(0, Math.max(0, glob.lastIndexOf('/', star) + 1));
    Path base = root.resolve(fixed.isEmpty() ? "." : fixed).normalize();
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    record Seen(String key, long modified) {}
    List<Seen> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base, 8)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        String relText = rel.toString().replace('\\', '/');
        if (Files.isRegularFile(p) && matcher.matches(Path.of(relText))) {
          long m = Files.getLastModifiedTime(p).toMillis();
          found.add(new Seen(relText + "@" + m, m));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    found.sort(java.util.Comparator.comparingLong(Seen::modified).thenComparing(Seen::key));
    return found.stream().map(Seen::key).toList();
  }

  private static int firstWildcard(String glob) {
    int i = 0;
    while (i < glob.length() && "*?[{".indexOf(glob.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private Instant staleNodes(
      FreshnessRule f, Instant now, Map<String, Instant> built, List<String> stale) {
    Instant oldest = Instant.MAX;
    for (String id : Plan.of(manifest, Command.RUN, f.select(), null).order()) {
      var node = manifest.node(id).orElseThrow();
      if (node.kind() == NodeKind.TEST || node.kind() == NodeKind.EXPORT) {
        continue;
      }
      Instant b = built.getOrDefault(id, Instant.MIN);
      if (b.isBefore(oldest)) {
        oldest = b;
      }
      if (b == Instant.MIN || Duration.between(b, now).compareTo(f.maxStaleness()) > 0) {
        stale.add(node.name());
      }
    }
    return oldest;
  }

  private List<RunRequest> freshness(
      FreshnessRule f, Instant now, Map<String, Instant> built, List<String> stale) {
    Instant oldest = staleNodes(f, now, built, stale);
    boolean never = oldest == Instant.MIN;
    if (oldest == Instant.MAX
        || (!never && Duration.between(oldest, now).compareTo(f.buildAt()) < 0)) {
      return List.of();
    }
    String name = "freshness:" + f.select();
    String key = never ? "never built" : oldest.toString();
    if (!state.claim(name, key, now)) {
      return List.of();
    }
    return List.of(freshnessRun(name, key));
  }

  private RunRequest freshnessRun(String name, String key) {
    if (!name.startsWith("freshness:")) {
      return null; // an automation since removed from the project
    }
    String select = name.substring("freshness:".length());
    return new RunRequest(
        name, key, "freshness " + select + ": last good build " + key, "+" + select, Map.of());
  }

  /** When each node last built well: the end of its newest good result in the history. */
  private Map<String, Instant> lastBuilt() {
    String nodes = warehouse.relation(Warehouse.META_SCHEMA, "run_nodes");
    Map<String, Instant> out = new HashMap<>();
    warehouse
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select node_id, max(started_at + to_milliseconds(duration_ms)) from "
                            + nodes
                            + " where status = 'success' group by node_id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }
}

package dev.sluice.core.orchestrate;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Yaml;
import dev.sluice.core.run.DurationText;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code schedules:}, {@code sensors:}, {@code freshness:} and {@code alerts:} from {@code
 * sluice.yml} and every {@code schedules/*.yml}, checking each against the project: a cron
 * expression cron-utils accepts, a known time zone, a source that exists, a selection that matches
 * something. Every problem names its file and line.
 */
public final class AutomationReader {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  private final Manifest manifest;
  private final Path root;
  private final List<ProjectProblem> problems = new ArrayList<>();
  private final List<Schedule> schedules = new ArrayList<>();
  private final List<Sensor> sensors = new ArrayList<>();
  private final List<FreshnessRule> freshness = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private final Map<String, Path> names = new HashMap<>();

  private AutomationReader(Manifest manifest) {
    this.manifest = manifest;
    this.root = manifest.project().root();
  }

  public static Automation read(Manifest manifest) {
    AutomationReader r = new AutomationReader(manifest);
    r.readFile(Path.of("sluice.yml"));
    Path dir = r.root.resolve("schedules");
    if (Files.isDirectory(dir)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yml,yaml}")) {
        ds.forEach(files::add);
      } catch (IOException e) {
        r.problems.add(ProjectProblem.error(Path.of("schedules"), 0, "cannot list: " + e));
      }
      files.stream().sorted().forEach(f -> r.readFile(r.root.relativize(f)));
    }
    r.checkAfterRuns();
    return new Automation(r.schedules, r.sensors, r.freshness, r.alerts, r.problems);
  }

  private void readFile(Path rel) {
    Path file = root.resolve(rel);
    if (!Files.exists(file)) {
      return;
    }
    Yaml.Value doc;
    try {
      doc = Yaml.read(file);
    } catch (Yaml.SyntaxError e) {
      problems.add(
          new ProjectProblem(
              rel, e.line(), e.column(), ProjectProblem.Severity.ERROR, e.getMessage()));
      return;
    } catch (IOException e) {
      problems.add(ProjectProblem.error(rel, 0, "cannot read: " + e.getMessage()));
      return;
    }
    if (doc == null || !doc.isMap()) {
      return;
    }
    list(doc, "schedules", rel).forEach(v -> schedule(v, rel));
    list(doc, "sensors", rel).forEach(v -> sensor(v, rel));
    list(doc, "freshness", rel).forEach(v -> freshness(v, rel));
    list(doc, "alerts", rel).forEach(v -> alert(v, rel));
  }

  private List<Yaml.Value> list(Yaml.Value doc, String key, Path rel) {
    Yaml.Value v = doc.get(key);
    if (v == null || v.value() == null) {
      return List.of();
    }
    if (!v.isList()) {
      problems.add(ProjectProblem.error(rel, v.line(), key + ": must be a list of entries"));
      return List.of();
    }
    List<Yaml.Value> out = new ArrayList<>();
    for (Yaml.Value e : v.asList()) {
      if (e.isMap()) {
        out.add(e);
      } else {
        problems.add(ProjectProblem.error(rel, e.line(), key + ": each entry must be a map"));
      }
    }
    return out;
  }

  private void schedule(Yaml.Value v, Path rel) {
    String name = name(v, rel, "schedule");
    String cron = required(v, "cron", rel, "schedule " + name);
    if (name == null || cron == null) {
      return;
    }
    var bad = CronTicks.problem(cron);
    if (bad.isPresent()) {
      problems.add(
          err(
              rel,
              v.get("cron"),
              "schedule " + name + ": invalid cron expression '" + cron + "': " + bad.get()));
      return;
    }
    ZoneId zone = ZoneId.of("UTC");
    String tz = v.text("timezone");
    if (tz != null) {
      try {
        zone = ZoneId.of(tz);
      } catch (DateTimeException e) {
        problems.add(
            err(
                rel,
                v.get("timezone"),
                "schedule "
                    + name
                    + ": unknown time zone '"
                    + tz
                    + "'; use a name such as Europe/Berlin or UTC"));
        return;
      }
    }
    CatchUp catchUp = CatchUp.LATEST;
    String cu = v.text("catch_up");
    if (cu != null) {
      try {
        catchUp = CatchUp.valueOf(cu.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            err(
                rel,
                v.get("catch_up"),
                "schedule "
                    + name
                    + ": catch_up must be none,"
                    + " latest or all, not '"
                    + cu
                    + "'"));
        return;
      }
    }
    String select = selection(v, rel, "schedule " + name);
    if (select == null && v.get("select") != null) {
      return;
    }
    schedules.add(new Schedule(name, cron, zone, select, catchUp, rel, v.line()));
  }

  private void sensor(Yaml.Value v, Path rel) {
    String name = name(v, rel, "sensor");
    if (name == null) {
      return;
    }
    String what = "sensor " + name;
    String kind = v.text("kind");
    Duration interval = DEFAULT_INTERVAL;
    if (v.get("min_interval") != null) {
      var d = DurationText.parse(v.get("min_interval").value());
      if (d.isEmpty()) {
        problems.add(
            err(
                rel,
                v.get("min_interval"),
                what
                    + ": min_interval must be a duration"
                    + " such as 30s or 5m, not '"
                    + v.text("min_interval")
                    + "'"));
        return;
      }
      interval = d.get();
    }
    String select = selection(v, rel, what);
    if (select == null && v.get("select") != null) {
      return;
    }
    if (kind == null) {
      problems.add(err(rel, v, what + ": needs a kind: files, query or run"));
      return;
    }
    switch (kind) {
      case "files" -> {
        String path = required(v, "path", rel, what);
        if (path != null) {
          sensors.add(new Sensor.Files(name, path, select, interval, rel, v.line()));
        }
      }
      case "query" -> {
        String sql = required(v, "sql", rel, what);
        String source = v.text("source");
        if (source != null && !sourceExists(source)) {
          problems.add(
              err(
                  rel,
                  v.get("source"),
                  what + ": no source named '" + source + "' in this project"));
          return;
        }
        if (sql != null) {
          sensors.add(new Sensor.Query(name, source, sql, select, interval, rel, v.line()));
        }
      }
      case "run" -> {
        String after = required(v, "after", rel, what);
        if (after != null) {
          sensors.add(new Sensor.AfterRun(name, after, select, interval, rel, v.line()));
        }
      }
      default ->
          problems.add(
              err(
                  rel,
                  v.get("kind"),
                  what + ": unknown kind '" + kind + "'; use files, query or run"));
    }
  }

  private void freshness(Yaml.Value v, Path rel) {
    String select = selection(v, rel, "freshness rule");
    if (select == null) {
      if (v.get("select") == null) {
        problems.add(err(rel, v, "freshness rule: needs select: the nodes to keep fresh"));
      }
      return;
    }
    var d =
        v.get("max_staleness") == null
            ? java.util.Optional.<Duration>empty()
            : DurationText.parse(v.get("max_staleness").value());
    if (d.isEmpty() || d.get().isZero()) {
      problems.add(
          err(
              rel,
              v.get("max_staleness") == null ? v : v.get("max_staleness"),
              "freshness rule for " + select + ": max_staleness must be a duration such as 6h"));
      return;
    }
    freshness.add(new FreshnessRule(select, d.get(), rel, v.line()));
  }

  private void alert(Yaml.Value v, Path rel) {
    Set<Alert.On> on = EnumSet.noneOf(Alert.On.class);
    Yaml.Value ov = v.get("on");
    List<Yaml.Value> items = ov == null ? List.of() : ov.isList() ? ov.asList() : List.of(ov);
    for (Yaml.Value o : items) {
      try {
        on.add(Alert.On.valueOf(String.valueOf(o.asText()).strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(
            err(
                rel,
                o,
                "alert: on must list failure, recovery or freshness, not '" + o.asText() + "'"));
        return;
      }
    }
    if (on.isEmpty()) {
      on = EnumSet.of(Alert.On.FAILURE);
    }
    String webhook = v.text("webhook");
    String command = v.text("command");
    if (webhook == null && command == null) {
      problems.add(err(rel, v, "alert: needs a webhook: URL or a command: to run"));
      return;
    }
    alerts.add(new Alert(on, webhook, command, rel, v.line()));
  }

  private void checkAfterRuns() {
    for (Sensor s : sensors) {
      if (s instanceof Sensor.AfterRun a && !names.containsKey(a.after())) {
        problems.add(
            ProjectProblem.error(
                a.file(),
                a.line(),
                "sensor "
                    + a.name()
                    + ": after names '"
                    + a.after()
                    + "', which is no schedule or sensor here"));
      }
    }
  }

  private String name(Yaml.Value v, Path rel, String what) {
    String name = v.text("name");
    if (name == null || name.isBlank()) {
      problems.add(err(rel, v, what + ": needs a name"));
      return null;
    }
    Path other = names.putIfAbsent(name, rel);
    if (other != null) {
      problems.add(
          err(
              rel,
              v.get("name"),
              what
                  + " "
                  + name
                  + ": the name is already used in "
                  + other.toString().replace('\\', '/')));
      return null;
    }
    return name;
  }

  private String required(Yaml.Value v, String key, Path rel, String what) {
    String s = v.text(key);
    if (s == null || s.isBlank()) {
      problems.add(err(rel, v, what + ": needs " + key + ":"));
      return null;
    }
    return s;
  }

  /** The selection, checked against the project; null when absent or refused (a problem says). */
  private String selection(Yaml.Value v, Path rel, String what) {
    String select = v.text("select");
    if (select == null) {
      return null;
    }
    try {
      if (Plan.of(manifest, Command.BUILD, select, null).order().isEmpty()) {
        problems.add(
            err(
                rel,
                v.get("select"),
                what + ": select '" + select + "' matches no node in this project"));
        return null;
      }
    } catch (SelectorException e) {
      problems.add(err(rel, v.get("select"), what + ": " + e.getMessage()));
      return null;
    }
    return select;
  }

  private boolean sourceExists(String source) {
    return manifest.project().nodes().stream()
        .anyMatch(n -> n instanceof SourceTable t && t.sourceName().equals(source));
  }

  private static ProjectProblem err(Path rel, Yaml.Value at, String message) {
    return ProjectProblem.error(rel, at == null ? 0 : at.line(), message);
  }
}

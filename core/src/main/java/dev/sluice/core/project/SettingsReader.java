package dev.sluice.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the project file ({@code sluice.yml}, or {@code dbt_project.yml}) and the targets, which
 * come from {@code sluice.yml} itself or from a dbt {@code profiles.yml}.
 */
final class SettingsReader {
  static final String SLUICE_FILE = "sluice.yml";
  static final String DBT_FILE = "dbt_project.yml";
  private static final Pattern ENV_VAR =
      Pattern.compile(
          "\\{\\{\\s*env_var\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]*)['\"]\\s*)?\\)\\s*}}");

  private final Path root;
  private final Map<String, String> env;
  private final List<ProjectProblem> problems;

  SettingsReader(Path root, Map<String, String> env, List<ProjectProblem> problems) {
    this.root = root;
    this.env = env;
    this.problems = problems;
  }

  /** Null when there is no project file at all (a problem says so). */
  ProjectSettings read() {
    Path file = root.resolve(SLUICE_FILE);
    if (!Files.exists(file)) {
      file = root.resolve(DBT_FILE);
    }
    if (!Files.exists(file)) {
      problems.add(
          ProjectProblem.error(
              null,
              0,
              "no sluice.yml or dbt_project.yml in " + root + "; is this a project folder?"));
      return null;
    }
    Path rel = root.relativize(file);
    Yaml.Value doc = readYaml(file, rel);
    if (doc == null) {
      doc = new Yaml.Value(Map.of(), 1);
    }
    String name = doc.text("name");
    if (name == null || name.isBlank()) {
      name = root.toAbsolutePath().normalize().getFileName().toString();
      problems.add(
          ProjectProblem.warning(rel, 1, "no 'name:'; using the folder name '" + name + "'"));
    }
    Map<String, Map<String, Object>> trees = new LinkedHashMap<>();
    for (String kind : List.of("models", "seeds", "snapshots", "tests", "sources")) {
      Object tree = doc.get(kind) == null ? null : doc.get(kind).plain();
      if (tree instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) m;
        trees.put(kind, typed);
      }
    }
    Object vars = doc.get("vars") == null ? null : doc.get("vars").plain();
    @SuppressWarnings("unchecked")
    Map<String, Object> varMap = vars instanceof Map ? (Map<String, Object>) vars : Map.of();
    String targetPath = orDefault(doc.text("target-path"), "target");

    Map<String, Target> targets = new LinkedHashMap<>();
    String defaultTarget = readTargets(doc, rel, name, targetPath, targets);
    Target chosen = targets.get(env.getOrDefault("SLUICE_TARGET", defaultTarget));
    trees = ConfigJinja.render(trees, chosen == null ? targets.get(defaultTarget) : chosen, varMap);

    return new ProjectSettings(
        name,
        rel,
        paths(doc, "model-paths", "models"),
        paths(doc, "seed-paths", "seeds"),
        paths(doc, "test-paths", "tests"),
        paths(doc, "macro-paths", "macros"),
        paths(doc, "snapshot-paths", "snapshots"),
        paths(doc, "source-paths", "sources"),
        targetPath,
        varMap,
        trees,
        targets,
        defaultTarget);
  }

  private String readTargets(
      Yaml.Value doc, Path rel, String name, String targetPath, Map<String, Target> targets) {
    Yaml.Value own = doc.get("targets");
    if (own != null && own.isMap()) {
      own.asMap().forEach((tname, spec) -> addTarget(targets, tname, spec, rel));
      String chosen =
          orDefault(
              doc.text("target"), targets.isEmpty() ? "dev" : targets.keySet().iterator().next());
      if (!targets.containsKey(chosen)) {
        problems.add(
            ProjectProblem.error(
                rel,
                doc.get("target") == null ? 1 : doc.get("target").line(),
                "default target '" + chosen + "' is not among the targets " + targets.keySet()));
      }
      return chosen;
    }
    String profile = doc.text("profile");
    if (profile != null) {
      String chosen = readProfile(profile, targets);
      if (chosen != null) {
        return chosen;
      }
    }
    // No targets anywhere: an embedded DuckDB file under target/ is the sensible default.
    targets.put("dev", Target.duckdb("dev", root.resolve(targetPath).resolve(name + ".duckdb")));
    return "dev";
  }

  private String readProfile(String profile, Map<String, Target> targets) {
    List<Path> candidates = new ArrayList<>();
    candidates.add(root.resolve("profiles.yml"));
    String dbtDir = env.get("DBT_PROFILES_DIR");
    if (dbtDir != null) {
      candidates.add(Path.of(dbtDir, "profiles.yml"));
    }
    String home = System.getProperty("user.home");
    if (home != null) {
      candidates.add(Path.of(home, ".dbt", "profiles.yml"));
    }
    for (Path p : candidates) {
      if (!Files.exists(p)) {
        continue;
      }
      Path shown = p.startsWith(root) ? root.relativize(p) : p;
      Yaml.Value doc;
      try {
        doc = Yaml.parse(renderEnvVars(Files.readString(p)));
      } catch (Yaml.SyntaxError e) {
        problems.add(
            new ProjectProblem(
                shown, e.line(), e.column(), ProjectProblem.Severity.ERROR, e.getMessage()));
        return null;
      } catch (IOException e) {
        problems.add(
            ProjectProblem.error(
                shown, 0, "cannot read: " + dev.sluice.core.safety.IoMessages.describe(e)));
        return null;
      }
      Yaml.Value prof = doc.get(profile);
      if (prof == null) {
        continue;
      }
      Yaml.Value outputs = prof.get("outputs");
      if (outputs == null || !outputs.isMap()) {
        problems.add(
            ProjectProblem.error(shown, prof.line(), "profile '" + profile + "' has no outputs"));
        return null;
      }
      outputs.asMap().forEach((tname, spec) -> addTarget(targets, tname, spec, shown));
      String chosen = orDefault(prof.text("target"), targets.keySet().iterator().next());
      String override = env.get("SLUICE_TARGET");
      return override != null && targets.containsKey(override) ? override : chosen;
    }
    return null;
  }

  private void addTarget(Map<String, Target> targets, String tname, Yaml.Value spec, Path file) {
    String type = orDefault(spec.text("type"), "duckdb");
    if (!type.equals("duckdb")) {
      problems.add(
          ProjectProblem.warning(
              file,
              spec.line(),
              "target '" + tname + "' has type '" + type + "'; only duckdb targets run here"));
    }
    String path = orDefault(spec.text("path"), spec.text("database"));
    if (path == null) {
      path = root.resolve("target").resolve(tname + ".duckdb").toString();
    } else if (!path.equals(":memory:") && !Path.of(path).isAbsolute()) {
      path = root.resolve(path).normalize().toString();
    }
    String schema = orDefault(spec.text("schema"), "main");
    int threads = 0;
    String th = spec.text("threads");
    if (th != null) {
      try {
        threads = Integer.parseInt(th.trim());
      } catch (NumberFormatException e) {
        problems.add(
            ProjectProblem.error(
                file,
                spec.get("threads").line(),
                "threads must be a whole number, not '" + th + "'"));
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = (Map<String, Object>) spec.plain();
    targets.put(
        tname,
        new Target(tname, type, path, schema, threads, settings == null ? Map.of() : settings));
  }

  private String renderEnvVars(String text) {
    Matcher m = ENV_VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = env.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Yaml.Value readYaml(Path file, Path rel) {
    try {
      return Yaml.read(file);
    } catch (Yaml.SyntaxError e) {
      problems.add(
          new ProjectProblem(
              rel, e.line(), e.column(), ProjectProblem.Severity.ERROR, e.getMessage()));
    } catch (IOException e) {
      problems.add(
          ProjectProblem.error(
              rel, 0, "cannot read: " + dev.sluice.core.safety.IoMessages.describe(e)));
    }
    return null;
  }

  private static List<String> paths(Yaml.Value doc, String key, String fallback) {
    Yaml.Value v = doc.get(key);
    if (v == null) {
      return List.of(fallback);
    }
    List<String> out = NodeConfig.asStrings(v.plain());
    return out.isEmpty() ? List.of(fallback) : out;
  }

  private static String orDefault(String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v;
  }
}

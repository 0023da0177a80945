package dev.sluice.core.deps;

import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the packages a project asks for, from {@code packages.yml} or {@code dependencies.yml} (the
 * {@code packages:} list of either), and the entries of {@code package-lock.yml}.
 */
public final class PackagesFile {
  public static final String PACKAGES = "packages.yml";
  public static final String DEPENDENCIES = "dependencies.yml";

  private static final Pattern ENV_VAR =
      Pattern.compile(
          "\\{\\{\\s*env_var\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]*)['\"]\\s*)?\\)\\s*}}");

  private PackagesFile() {}

  /** The file that declares the project's packages, or null when it declares none. */
  public static Path declaring(Path projectDir) {
    Path packages = projectDir.resolve(PACKAGES);
    if (Files.isRegularFile(packages)) {
      return packages;
    }
    Path dependencies = projectDir.resolve(DEPENDENCIES);
    if (Files.isRegularFile(dependencies) && hasPackages(dependencies)) {
      return dependencies;
    }
    return null;
  }

  private static boolean hasPackages(Path file) {
    try {
      return Yaml.read(file).get("packages") != null;
    } catch (IOException | Yaml.SyntaxError e) {
      return true; // let read() report it
    }
  }

  /** The packages a project declares; an empty list when it has no packages file. */
  public static List<PackageSpec> declared(Path projectDir) {
    Path file = declaring(projectDir);
    return file == null ? List.of() : read(file, System::getenv);
  }

  /** The project's declared entries in the form dbt hashes them, for the lock's sha1_hash. */
  public static List<Map<String, Object>> hashEntries(Path projectDir) {
    Path file = declaring(projectDir);
    if (file == null) {
      return List.of();
    }
    Object plain;
    try {
      plain = Yaml.read(file).get("packages").plain();
    } catch (IOException | Yaml.SyntaxError e) {
      throw new DepsException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (plain instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> raw) {
          Map<String, Object> entry = new LinkedHashMap<>();
          raw.forEach((k, v) -> entry.put(String.valueOf(k), rendered(v)));
          if (entry.containsKey("package")) {
            entry.putIfAbsent("install-prerelease", false);
          }
          entry.put("unrendered", raw);
          out.add(entry);
        }
      }
    }
    return out;
  }

  private static Object rendered(Object v) {
    if (v instanceof String s) {
      return render(s, System::getenv);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(PackagesFile::rendered).toList();
    }
    return v;
  }

  /** The entries of a packages, dependencies or lock file. */
  public static List<PackageSpec> read(Path file, UnaryOperator<String> env) {
    Yaml.Value root;
    try {
      root = Yaml.read(file);
    } catch (IOException e) {
      throw new DepsException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
    } catch (Yaml.SyntaxError e) {
      throw new DepsException(file.getFileName() + ":" + e.line() + ": " + e.getMessage(), e);
    }
    Yaml.Value list = root == null ? null : root.get("packages");
    if (list == null || list.value() == null) {
      return List.of();
    }
    if (!list.isList()) {
      throw problem(file, list.line(), "packages: must be a list of packages");
    }
    List<PackageSpec> out = new ArrayList<>();
    for (Yaml.Value entry : list.asList()) {
      out.add(entry(file, entry, env));
    }
    return out;
  }

  private static PackageSpec entry(Path file, Yaml.Value entry, UnaryOperator<String> env) {
    if (!entry.isMap()) {
      throw problem(
          file, entry.line(), "each package is a map such as {package: dbt-labs/dbt_utils}");
    }
    Map<String, Yaml.Value> m = entry.asMap();
    if (m.containsKey("package")) {
      Yaml.Value v = m.get("version");
      if (v == null || v.value() == null) {
        throw problem(
            file,
            entry.line(),
            "package "
                + text(m, "package", env)
                + " needs a version, such as [\">=1.0.0\", \"<2.0.0\"]");
      }
      List<String> versions = new ArrayList<>();
      if (v.isList()) {
        v.asList().forEach(x -> versions.add(render(x.asText(), env)));
      } else {
        versions.add(render(v.asText(), env));
      }
      Yaml.Value pre = m.get("install-prerelease");
      return new PackageSpec.Hub(
          text(m, "package", env), versions, pre != null && Boolean.parseBoolean(pre.asText()));
    }
    if (m.containsKey("git")) {
      return new PackageSpec.Git(
          text(m, "git", env), text(m, "revision", env), text(m, "subdirectory", env));
    }
    if (m.containsKey("local")) {
      return new PackageSpec.Local(text(m, "local", env));
    }
    if (m.containsKey("tarball")) {
      return new PackageSpec.Tarball(text(m, "tarball", env));
    }
    if (m.containsKey("private")) {
      // dbt resolves these through a git provider integration of dbt Cloud, which Sluice has not
      throw problem(
          file,
          entry.line(),
          "private: "
              + text(m, "private", env)
              + " is not supported yet (it needs a git provider integration); write it as git:"
              + " with the repository's URL, such as git: \"https://{{env_var('GIT_TOKEN')}}@"
              + "github.com/"
              + text(m, "private", env)
              + ".git\"");
    }
    throw problem(
        file,
        entry.line(),
        "a package needs one of package:, git:, local: or tarball: " + m.keySet());
  }

  private static String text(Map<String, Yaml.Value> m, String key, UnaryOperator<String> env) {
    Yaml.Value v = m.get(key);
    return v == null ? null : render(v.asText(), env);
  }

  /** Packages files may read environment variables, as dbt allows: {{ env_var('TOKEN') }}. */
  static String render(String text, UnaryOperator<String> env) {
    if (text == null || !text.contains("{{")) {
      return text;
    }
    Matcher mt = ENV_VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (mt.find()) {
      String value = env.apply(mt.group(1));
      if (value == null) {
        value = mt.group(2);
      }
      if (value == null) {
        throw new DepsException("env_var('" + mt.group(1) + "') is not set");
      }
      mt.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    mt.appendTail(out);
    return out.toString();
  }

  private static DepsException problem(Path file, int line, String message) {
    return new DepsException(file.getFileName() + ":" + line + ": " + message);
  }
}

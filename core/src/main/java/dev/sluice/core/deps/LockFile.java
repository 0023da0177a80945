package dev.sluice.core.deps;

import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code package-lock.yml} as dbt writes it: every package pinned (hub versions exact, git
 * revisions as commits), transitive ones included, each with the {@code name} of its project, and a
 * {@code sha1_hash} of the declared entries that tells whether packages.yml changed since.
 */
public record LockFile(List<Pinned> packages, String sha1Hash) {
  public static final String NAME = "package-lock.yml";

  /** Scalars PyYAML writes without quotes: names, paths, URLs, versions and commit hashes. */
  private static final Pattern PLAIN =
      Pattern.compile(
          "[A-Za-z_/.][A-Za-z0-9_./:@+\\-]*|\\d+\\.\\d+\\.\\d+[A-Za-z0-9.+\\-]*|(?!0[xob])(?=[0-9a-z]*[a-df-z])[0-9a-z]+");

  /** Words YAML 1.1 reads as booleans or null: always quoted. */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

  /** A package pinned to exactly what gets installed, and its project name. */
  public record Pinned(PackageSpec spec, String name) {}

  public LockFile {
    packages = List.copyOf(packages);
  }

  /** The lock file in the project, or null when there is none. */
  public static LockFile read(Path projectDir) {
    Path file = projectDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<PackageSpec> specs = PackagesFile.read(file, System::getenv);
    List<String> names = new ArrayList<>();
    String hash;
    try {
      Yaml.Value root = Yaml.read(file);
      root.get("packages").asList().forEach(v -> names.add(v.text("name")));
      hash = root.text("sha1_hash");
    } catch (IOException | Yaml.SyntaxError e) {
      throw new DepsException(NAME + ": cannot read: " + e.getMessage(), e);
    }
    List<Pinned> pinned = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      pinned.add(new Pinned(specs.get(i), names.get(i)));
    }
    return new LockFile(pinned, hash);
  }

  /** Writes the lock file next to packages.yml, replacing any old one in one step. */
  public void write(Path projectDir) {
    StringBuilder out = new StringBuilder("packages:\n");
    for (Pinned p : packages) {
      Map<String, Object> m = new TreeMap<>(p.spec().toMap());
      m.put("name", p.name());
      String dash = "  - ";
      for (Map.Entry<String, Object> e : m.entrySet()) {
        out.append(dash).append(e.getKey()).append(": ").append(scalar(e.getValue())).append('\n');
        dash = "    ";
      }
    }
    out.append("sha1_hash: ").append(sha1Hash).append('\n');
    Path file = projectDir.resolve(NAME);
    Path tmp = projectDir.resolve("." + NAME + ".tmp");
    try {
      Files.writeString(tmp, out, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DepsException("cannot write " + NAME + ": " + e.getMessage(), e);
    }
  }

  private static String scalar(Object v) {
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(quoted(String.valueOf(x))));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    String s = String.valueOf(v);
    return PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))
        ? s
        : quoted(s);
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * The hash dbt keeps of the declared packages: SHA-1 over each entry as sorted-key JSON (as dbt
   * holds it: rendered, defaults filled in, and the entry as written under {@code unrendered}), the
   * entries sorted and joined by newlines.
   */
  public static String hashOf(List<Map<String, Object>> declaredEntries) {
    List<String> entries = new ArrayList<>();
    for (Map<String, Object> e : declaredEntries) {
      entries.add(json(e));
    }
    entries.sort(null);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of()
          .formatHex(sha1.digest(String.join("\n", entries).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON in Python's default spacing, keys sorted, so the hash matches dbt's for the same file. */
  private static String json(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      new TreeMap<>(m)
          .forEach(
              (k, x) -> {
                if (b.length() > 1) {
                  b.append(", ");
                }
                b.append(json(String.valueOf(k))).append(": ").append(json(x));
              });
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(json(x)));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return String.valueOf(v);
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : String.valueOf(v).toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

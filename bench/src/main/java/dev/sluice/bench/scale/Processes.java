package dev.sluice.bench.scale;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Whole-process timings: commands run in turns, medians compared. */
final class Processes {
  private Processes() {}

  /** Milliseconds of one run of {@code command} in {@code dir}; fails on a non-zero exit. */
  static long time(Path dir, List<String> command) throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    int rc = p.waitFor();
    long elapsed = System.nanoTime() - start;
    if (rc != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
    }
    return elapsed / 1_000_000;
  }

  /** A JVM running {@code main} of the bench module on the CLI's class path. */
  static List<String> java(Path repo, Class<?> main, String... args) throws Exception {
    String cp =
        repo.resolve("app/target/lib") + File.separator + "*" + File.pathSeparator + benchClasses();
    List<String> cmd = new ArrayList<>(List.of("java", "-Xshare:auto", "-cp", cp, main.getName()));
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /**
   * As {@link #java}, loading DuckDB's native library as {@code bin/sluice} does: from the folder
   * it was unpacked into once per version, when that is there. Without this the baseline would
   * unpack the library from the driver's jar at every start, which Sluice does not.
   */
  static List<String> javaWithDuckDbCache(Path repo, Class<?> main, String... args)
      throws Exception {
    Path lib = repo.resolve("app/target/lib");
    Path duckJar = null;
    List<Path> jars = new ArrayList<>();
    try (var files = java.nio.file.Files.list(lib)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("duckdb_jdbc-") && name.endsWith(".jar")) {
          duckJar = p;
        } else if (name.endsWith(".jar")) {
          jars.add(p);
        }
      }
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path caches =
        xdg == null || xdg.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache")
            : Path.of(xdg);
    Path cache =
        duckJar == null
            ? null
            : caches
                .resolve("sluice/duckdb")
                .resolve(
                    duckJar
                        .getFileName()
                        .toString()
                        .substring("duckdb_jdbc-".length())
                        .replaceAll("\\.jar$", ""));
    if (cache == null
        || !java.nio.file.Files.isRegularFile(cache.resolve("duckdb_jdbc-classes.jar"))
        || !(java.nio.file.Files.isRegularFile(cache.resolve("libduckdb_java.so"))
            || java.nio.file.Files.isRegularFile(cache.resolve("libduckdb_java.dylib")))) {
      return java(repo, main, args); // as bin/sluice falls back to the driver's own way
    }
    StringBuilder cp = new StringBuilder();
    for (Path j : jars) {
      cp.append(j).append(File.pathSeparator);
    }
    cp.append(cache.resolve("duckdb_jdbc-classes.jar")).append(File.pathSeparator);
    cp.append(benchClasses());
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "java",
                "-Xshare:auto",
                "-Djava.library.path=" + cache,
                "-cp",
                cp.toString(),
                main.getName()));
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  static String benchClasses() throws Exception {
    return Path.of(Processes.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  /** One line: what, Sluice's figure, the baseline's, their ratio. */
  static void line(String what, double sluice, String baseline, double base) {
    System.out.printf(
        java.util.Locale.ROOT,
        "%-52s %8.0f ms | %-44s %8.0f ms | %5.2fx%n",
        what,
        sluice,
        baseline,
        base,
        sluice / Math.max(base, 1));
  }

  static String load() {
    try {
      return new String(java.nio.file.Files.readAllBytes(Path.of("/proc/loadavg"))).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}

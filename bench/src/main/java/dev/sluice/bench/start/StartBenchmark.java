package dev.sluice.bench.start;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/bench start [RUNS]}: the median wall time of {@code bin/sluice ls} on the shop sample,
 * whole process, beside a JVM that starts on the same class path (the CLI's jars, as {@code
 * app/target/cli-classpath.txt} lists them) and does nothing, and one on every jar of {@code
 * app/target/lib} (the class path {@code bin/sluice} used before). All are run in turns so a busy
 * machine slows them alike. The first run of {@code ls} records its classes and the class-data
 * archive is made from them in the background; the timed runs start once it is there.
 */
public final class StartBenchmark {
  private StartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    Path root = Path.of("").toAbsolutePath();
    Path lib = root.resolve("app/target/lib");
    if (!Files.isDirectory(lib)) {
      System.err.println("app/target/lib is missing: run bin/sluice once to build the jars");
      System.exit(2);
    }
    List<String> sluice = List.of("bin/sluice", "ls", "--project", "samples/shop");
    String all = lib + File.separator + "*" + File.pathSeparator + benchClasses();
    List<String> nothing =
        List.of("java", "-Xshare:auto", "-cp", cliClassPath(root), Nothing.class.getName());
    List<String> nothingAll = List.of("java", "-Xshare:auto", "-cp", all, Nothing.class.getName());
    System.out.println("load average at start: " + load());
    time(root, sluice); // records the classes of ls when there is no archive for them yet
    awaitArchive(root.resolve("app/target/cds"));
    long[] a = new long[runs];
    long[] b = new long[runs];
    long[] c = new long[runs];
    for (int i = 0; i < runs; i++) {
      a[i] = time(root, sluice);
      b[i] = time(root, nothing);
      c[i] = time(root, nothingAll);
    }
    double ms = median(a);
    double base = median(b);
    System.out.printf(
        "start: sluice ls on samples/shop %.0f ms median of %d; empty JVM on the same class path"
            + " %.0f ms; ratio %.1fx (empty JVM on all of app/target/lib: %.0f ms)%n",
        ms, runs, base, ms / base, median(c));
    System.out.println("load average at end: " + load());
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /**
   * The CLI's class path as bin/sluice makes it (without DuckDB's cached jar), then the bench's.
   */
  private static String cliClassPath(Path root) throws Exception {
    Path list = root.resolve("app/target/cli-classpath.txt");
    if (!Files.isRegularFile(list)) {
      return root.resolve("app/target/lib")
          + File.separator
          + "*"
          + File.pathSeparator
          + benchClasses();
    }
    StringBuilder cp = new StringBuilder();
    for (String entry : Files.readString(list).strip().split(File.pathSeparator)) {
      cp.append(root.resolve("app/target").resolve(entry)).append(File.pathSeparator);
    }
    return cp + benchClasses();
  }

  /** Waits (up to a minute) until no class list is waiting to become an archive. */
  private static void awaitArchive(Path dir) throws Exception {
    for (int i = 0; i < 600; i++) {
      boolean pending;
      try (var files = Files.list(dir)) {
        pending = files.anyMatch(f -> f.getFileName().toString().contains(".classlist"));
      } catch (java.io.IOException e) {
        pending = false;
      }
      if (!pending && Files.isRegularFile(dir.resolve("ls.jsa"))) {
        return;
      }
      Thread.sleep(100);
    }
    System.out.println("note: no class-data archive for ls after a minute; timing without one");
  }

  private static String benchClasses() throws Exception {
    return Path.of(Nothing.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  private static long time(Path dir, List<String> command) throws Exception {
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

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }
}

package dev.sluice.bench.start;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/bench start [RUNS]}: the median wall time of {@code bin/sluice ls} on the shop sample,
 * whole process, beside a JVM that starts on the same class path and does nothing. Both are run in
 * turns so a busy machine slows them alike.
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
    String cp = lib + File.separator + "*" + File.pathSeparator + benchClasses();
    List<String> nothing = List.of("java", "-Xshare:auto", "-cp", cp, Nothing.class.getName());
    System.out.println("load average at start: " + load());
    time(root, sluice); // makes the class-data archive if it is missing
    long[] a = new long[runs];
    long[] b = new long[runs];
    for (int i = 0; i < runs; i++) {
      a[i] = time(root, sluice);
      b[i] = time(root, nothing);
    }
    double ms = median(a);
    double base = median(b);
    System.out.printf(
        "start: sluice ls on samples/shop %.0f ms median of %d; empty JVM on the same class path"
            + " %.0f ms; ratio %.1fx%n",
        ms, runs, base, ms / base);
    System.out.println("load average at end: " + load());
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
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

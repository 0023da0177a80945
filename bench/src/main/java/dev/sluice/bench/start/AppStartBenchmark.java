package dev.sluice.bench.start;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bin/bench app-start [RUNS]}: wall time from starting the app's process on a copy of the
 * shop sample to its first frame with the graph drawn, with and without an AppCDS archive of the
 * classes that start-up loads (a class list recorded on one run, then dumped), beside an empty
 * JavaFX window started the same way. The app writes where its time went (JVM start to JavaFX
 * start, to the project loaded, to the first graph frame) into the marker file; the harness prints
 * the medians. Needs a display (Xvfb works).
 */
public final class AppStartBenchmark {
  private AppStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path root = Path.of("").toAbsolutePath();
    Path lib = root.resolve("app/target/lib");
    Path appJar;
    try (Stream<Path> s = Files.list(root.resolve("app/target"))) {
      appJar =
          s.filter(p -> p.getFileName().toString().matches("sluice-app-.*\\.jar"))
              .findFirst()
              .orElse(null);
    }
    if (!Files.isDirectory(lib) || appJar == null) {
      System.err.println("app/target is missing its jars: run bin/sluice once to build them");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("sluice-app-start");
    Path shop = work.resolve("shop");
    copy(root.resolve("samples/shop"), shop);
    Path marker = work.resolve("painted");
    Path jsa = work.resolve("app.jsa");
    String appCp = appJar + File.pathSeparator + lib + File.separator + "*";
    String emptyCp = lib + File.separator + "*" + File.pathSeparator + benchClasses();
    List<String> app =
        List.of(
            "java",
            "-Dsluice.bench.firstPaint=" + marker,
            "-cp",
            appCp,
            "dev.sluice.app.Launcher",
            shop.toString());
    List<String> withCds = new ArrayList<>(app);
    withCds.add(1, "-XX:SharedArchiveFile=" + jsa);
    // a class list and a static dump, as the package does: JDK 17's dynamic archive
    // (-XX:ArchiveClassesAtExit) crashed at exit while writing this app's lambda proxies
    Path classList = work.resolve("classes.lst");
    List<String> record = new ArrayList<>(app);
    record.add(1, "-XX:DumpLoadedClassList=" + classList);
    List<String> dump =
        List.of(
            "java",
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + classList,
            "-XX:SharedArchiveFile=" + jsa,
            "-cp",
            appCp);
    List<String> empty =
        List.of(
            "java",
            "-Dsluice.bench.firstPaint=" + marker,
            "-cp",
            emptyCp,
            EmptyWindow.class.getName());
    time(root, app, marker); // warms the file cache and makes the project's warehouse
    time(root, record, marker); // records the classes start-up loads
    // JDK 17's static dump can crash on the lambda proxies a class list records: leave them out
    Files.write(
        classList,
        Files.readAllLines(classList).stream().filter(l -> !l.startsWith("@lambda")).toList());
    Process d = new ProcessBuilder(dump).directory(root.toFile()).inheritIO().start();
    boolean cds = d.waitFor() == 0 && Files.exists(jsa);
    if (!cds) {
      System.out.println("app-start: the class-data archive could not be written; timing without");
    }
    long[] a = new long[runs];
    long[] c = new long[runs];
    long[] e = new long[runs];
    List<String> phases = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      a[i] = time(root, app, marker);
      phases.add(Files.readString(marker).strip());
      c[i] = cds ? time(root, withCds, marker) : 0;
      e[i] = time(root, empty, marker);
    }
    double base = median(e);
    System.out.printf(
        Locale.ROOT,
        "app-start: shop graph on screen %.0f ms median of %d (AppCDS %.0f ms); empty JavaFX"
            + " window %.0f ms; ratio %.1fx (AppCDS %.1fx)%n",
        median(a),
        runs,
        median(c),
        base,
        median(a) / base,
        median(c) / base);
    System.out.println(
        "app-start: where the time went, per run without AppCDS (ms since JVM start):");
    phases.forEach(p -> System.out.println("  " + p));
  }

  private static String benchClasses() throws Exception {
    return Path.of(EmptyWindow.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  private static void copy(Path from, Path to) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        String rel = from.relativize(p).toString();
        if (rel.startsWith("target") || rel.endsWith(".duckdb") || rel.contains(".sluice")) {
          continue;
        }
        Path t = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** Milliseconds from starting the process to the marker file appearing. */
  private static long time(Path dir, List<String> command, Path marker) throws Exception {
    Files.deleteIfExists(marker);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long elapsed = -1;
    while (p.isAlive() || Files.exists(marker)) {
      if (Files.exists(marker) && Files.size(marker) > 0) {
        elapsed = (System.nanoTime() - start) / 1_000_000;
        break;
      }
      Thread.sleep(5);
      if (System.nanoTime() - start > 120_000_000_000L) {
        break;
      }
    }
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    if (elapsed < 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " never drew its first frame (exit " + p.exitValue() + ")");
    }
    return elapsed;
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }
}

package dev.sluice.core.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a child JVM, as a user runs it, which a test can kill with SIGKILL at a chosen line of
 * its output.
 */
final class ChildSluice implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder all = new StringBuilder();

  private ChildSluice(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  synchronized (all) {
                    all.append(line).append('\n');
                  }
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed
              }
            },
            "child-sluice-output");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildSluice start(Path tmp, String... args) throws IOException {
    return start(tmp, System.getProperty("java.class.path"), List.of(), args);
  }

  /**
   * As {@link #start}, with DuckDB's library read from a cache folder as the launchers do (see
   * {@code NativeLibraryCache}), so that a start does not copy 72 MB; the driver's own way when the
   * folder cannot be made.
   */
  static ChildSluice startCached(Path tmp, String... args) throws IOException {
    Path folder = cachedLibrary();
    if (folder == null) {
      return start(tmp, args);
    }
    List<String> cp =
        new ArrayList<>(
            List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
    cp.removeIf(e -> Path.of(e).getFileName().toString().startsWith("duckdb_jdbc"));
    cp.add(folder.resolve(dev.sluice.core.warehouse.NativeLibraryCache.CLASSES_JAR).toString());
    return start(
        tmp,
        String.join(java.io.File.pathSeparator, cp),
        List.of("-Djava.library.path=" + folder),
        args);
  }

  private static Path cached;

  private static synchronized Path cachedLibrary() {
    if (cached == null) {
      Path jar =
          List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
              .map(Path::of)
              .filter(e -> e.getFileName().toString().startsWith("duckdb_jdbc"))
              .findFirst()
              .orElse(null);
      if (jar == null) {
        return null;
      }
      Path folder =
          Path.of("target", "duckdb-native", jar.getFileName().toString()).toAbsolutePath();
      if (dev.sluice.core.warehouse.NativeLibraryCache.prepare(jar, folder).isPresent()) {
        return null;
      }
      cached = folder;
    }
    return cached;
  }

  private static ChildSluice start(Path tmp, String classPath, List<String> options, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Djava.io.tmpdir=" + tmp);
    cmd.addAll(options);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("dev.sluice.core.cli.Main");
    cmd.addAll(List.of(args));
    return new ChildSluice(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** Waits for a line containing {@code text}; false when the process ended first. */
  boolean awaitLine(String text, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(text)) {
        return true;
      }
      if (line == null && !process.isAlive() && lines.isEmpty()) {
        return false;
      }
    }
    return false;
  }

  /** Waits for the {@code n}-th line of output; false when the process ended first. */
  boolean awaitLines(int n, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int seen = 0;
    while (seen < n && System.nanoTime() < end) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen++;
      } else if (!process.isAlive() && lines.isEmpty()) {
        return false;
      }
    }
    return seen >= n;
  }

  /** SIGKILL: no shutdown hooks, no cleanup, as a crash or the OOM killer would end it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("sluice did not finish in " + seconds + " s:\n" + output());
    }
    return process.exitValue();
  }

  long pid() {
    return process.pid();
  }

  String output() {
    synchronized (all) {
      return all.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}

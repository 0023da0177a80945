package dev.sluice.core.load;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Named pipes for streaming an export into DuckDB's CSV reader. Java cannot make one, so {@code
 * mkfifo} does; where it is missing (Windows) {@link #create} answers null and the loader falls
 * back to chunk files.
 */
final class NamedPipe {
  /** Whether to try at all; off once {@code mkfifo} failed, and in tests of the fallback. */
  static volatile boolean enabled = !System.getProperty("os.name", "").startsWith("Windows");

  private NamedPipe() {}

  /** A fresh pipe in a private temp folder, or null where none can be made. */
  static Path create(String name) {
    if (!enabled) {
      return null;
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sluice-load-");
      Path fifo = dir.resolve(dev.sluice.core.safety.SafePaths.fileName(name) + ".csv");
      Process p =
          new ProcessBuilder("mkfifo", "-m", "600", fifo.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return fifo;
      }
      p.destroyForcibly();
    } catch (IOException e) {
      enabled = false; // no mkfifo on this system
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    delete(dir == null ? null : dir.resolve("none"));
    return null;
  }

  /**
   * Opens and closes the pipe for reading and writing at once, which never blocks: whoever waits to
   * open the other end is let through, and then finds it closed (a writer fails, a reader sees the
   * end).
   */
  static void release(Path fifo) {
    try (FileChannel c =
        FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      // opening was the point
    } catch (IOException ignored) {
      // gone already: nobody can be waiting on it
    }
  }

  /** Removes the pipe and its folder. */
  static void delete(Path fifo) {
    if (fifo == null) {
      return;
    }
    try {
      Files.deleteIfExists(fifo);
      Files.deleteIfExists(fifo.getParent());
    } catch (IOException ignored) {
      // it lives in the system's temp folder, which is cleaned too
    }
  }
}

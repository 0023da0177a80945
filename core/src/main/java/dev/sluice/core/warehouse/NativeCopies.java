package dev.sluice.core.warehouse;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DuckDB's JDBC driver (2.0.0.1) copies its 72 MB native library into the temporary folder at every
 * start ({@code Files.createTempFile("libduckdb_java", ".so")}; it has no setting for another
 * place) and deletes it only on a normal exit, so every killed process leaves one behind. On Linux
 * a loaded library may be unlinked while in use, so once DuckDB is loaded this process removes its
 * own copy and any copy old enough that its loader is long done with it. Nothing is left after a
 * kill. Elsewhere the driver's own delete-on-exit stays the only cleanup.
 */
final class NativeCopies {
  private static final AtomicBoolean DONE = new AtomicBoolean();
  private static final Duration SURELY_LOADED = Duration.ofMinutes(2);

  private NativeCopies() {}

  static void tidyOnce() {
    if (!DONE.compareAndSet(false, true)
        || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return;
    }
    try {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
      Path maps = Path.of("/proc/self/maps");
      if (Files.isReadable(maps)) {
        for (String line : Files.readAllLines(maps)) {
          int at = line.indexOf('/');
          if (at > 0 && line.contains("libduckdb_java") && !line.endsWith("(deleted)")) {
            Path mapped = Path.of(line.substring(at).strip());
            if (isDriversCopy(mapped, tmp)) {
              Files.deleteIfExists(mapped);
            }
          }
        }
      }
      sweep(tmp);
    } catch (IOException | RuntimeException e) {
      // tidying is a courtesy; a copy left behind costs disk, not correctness
    }
  }

  /**
   * Only the driver's own temporary copy may go: a library loaded from {@code java.library.path}
   * (the installed package's, or one a user put there) is the installation, not debris.
   */
  static boolean isDriversCopy(Path mapped, Path tmp) {
    Path parent = mapped.toAbsolutePath().normalize().getParent();
    String name = mapped.getFileName() == null ? "" : mapped.getFileName().toString();
    return tmp.equals(parent)
        && name.startsWith("libduckdb_java")
        && name.endsWith(".so")
        && !name.equals("libduckdb_java.so");
  }

  /** Removes copies left by killed processes: named as the driver names them, and not new. */
  static List<Path> sweep(Path tmp) throws IOException {
    List<Path> removed = new java.util.ArrayList<>();
    Instant before = Instant.now().minus(SURELY_LOADED);
    try (DirectoryStream<Path> s = Files.newDirectoryStream(tmp, "libduckdb_java*.so")) {
      for (Path p : s) {
        if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
          Files.deleteIfExists(p);
          removed.add(p);
        }
      }
    }
    return removed;
  }
}

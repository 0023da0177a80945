package dev.sluice.core.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * DuckDB's native library, unpacked once per DuckDB version into a cache folder instead of once per
 * process into the temp folder.
 *
 * <p>DuckDB's JDBC driver (2.0.0.1) unpacks the library bundled in its jar into a new temporary
 * file at every start and has no setting for another place. Only when its jar holds no library does
 * it load one by name from {@code java.library.path}. So the launchers ({@code bin/sluice}, {@code
 * bin/sluice-app}) run {@code dev.sluice.core.cli.PrepareDuckDb} once per version: it writes the
 * library and a copy of the driver's jar without the bundled libraries into the cache folder, and
 * from then on the launchers put that jar on the class path and the folder on {@code
 * java.library.path}. Each file is written under a temporary name and renamed into place, so two
 * first runs at once each see either no file or a whole one. A process killed at any point leaves
 * nothing in the temp folder; the next start reads the library from the page cache rather than
 * copying 72 MB.
 */
public final class NativeLibraryCache {
  /** The driver's jar without its bundled libraries, as the launchers put it on the class path. */
  public static final String CLASSES_JAR = "duckdb_jdbc-classes.jar";

  private NativeLibraryCache() {}

  /** The library's file name here, as {@code System.loadLibrary("duckdb_java")} looks for it. */
  public static String libraryFile() {
    return System.mapLibraryName("duckdb_java");
  }

  /** The bundled library's entry in the driver's jar for this platform, as the driver names it. */
  static String bundledEntry() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).trim();
    os =
        os.startsWith("windows")
            ? "windows"
            : os.startsWith("mac") ? "macos" : os.startsWith("linux") ? "linux" : os;
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).trim();
    arch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch.replaceAll("[^a-z0-9_\\-.]", "");
        };
    return "libduckdb_java.so_" + os + "_" + arch;
  }

  /**
   * The cache folder for a DuckDB version: {@code $XDG_CACHE_HOME/sluice/duckdb/<version>}, or
   * {@code ~/.cache/sluice/duckdb/<version>}.
   */
  public static Path folderFor(String version) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("sluice").resolve("duckdb").resolve(version);
  }

  /**
   * Makes sure {@code folder} holds this platform's library and the driver's classes jar, unpacking
   * them from {@code driverJar} when missing. Safe when several processes do it at once.
   *
   * @return the reason it could not, or empty when both files are in place
   */
  public static Optional<String> prepare(Path driverJar, Path folder) {
    Path lib = folder.resolve(libraryFile());
    Path classes = folder.resolve(CLASSES_JAR);
    String entryName = bundledEntry();
    try (ZipFile jar = new ZipFile(driverJar.toFile())) {
      ZipEntry entry = jar.getEntry(entryName);
      if (entry == null) {
        return Optional.of(driverJar.getFileName() + " holds no DuckDB library for this platform");
      }
      Files.createDirectories(folder);
      if (!Files.isRegularFile(lib) || Files.size(lib) != entry.getSize()) {
        Path part = partial(lib);
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        part.toFile().setExecutable(true);
        moveIntoPlace(part, lib);
      }
      if (!Files.isRegularFile(classes)) {
        Path part = partial(classes);
        try (OutputStream out = Files.newOutputStream(part);
            ZipOutputStream zip = new ZipOutputStream(out)) {
          Enumeration<? extends ZipEntry> all = jar.entries();
          while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (e.getName().startsWith("libduckdb_java")) {
              continue; // without a bundled library the driver loads ours by name
            }
            zip.putNextEntry(new ZipEntry(e.getName()));
            try (InputStream in = jar.getInputStream(e)) {
              in.transferTo(zip);
            }
            zip.closeEntry();
          }
        }
        moveIntoPlace(part, classes);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(why(e));
    }
  }

  private static String why(Exception e) {
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "not allowed to write " + a.getFile();
    }
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "cannot make " + n.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static Path partial(Path target) {
    return target.resolveSibling(
        target.getFileName()
            + "."
            + ProcessHandle.current().pid()
            + "."
            + System.nanoTime()
            + ".part");
  }

  /** A rename, so that a reader sees the old file, no file or the whole new one, never half. */
  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }
}

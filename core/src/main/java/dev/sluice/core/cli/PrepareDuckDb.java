package dev.sluice.core.cli;

import dev.sluice.core.warehouse.NativeLibraryCache;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run by the launchers once per DuckDB version: {@code PrepareDuckDb DRIVER_JAR FOLDER} unpacks
 * DuckDB's native library and the driver's classes into the cache folder (see {@link
 * NativeLibraryCache}). Exits 0 when the folder is ready; 1, saying why on stderr, when it is not,
 * and the launcher then lets the driver unpack its library as it does by itself.
 */
public final class PrepareDuckDb {
  private PrepareDuckDb() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: PrepareDuckDb DRIVER_JAR FOLDER");
      System.exit(2);
    }
    Optional<String> why = NativeLibraryCache.prepare(Path.of(args[0]), Path.of(args[1]));
    why.ifPresent(System.err::println);
    System.exit(why.isPresent() ? 1 : 0);
  }
}

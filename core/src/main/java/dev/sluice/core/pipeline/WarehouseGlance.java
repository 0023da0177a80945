package dev.sluice.core.pipeline;

import dev.sluice.core.run.RunHistory;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.LazyWarehouse;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the stale check last read from a DuckDB file (the last good build of each node, and which
 * relations are tables), kept with the file's stamp: while the file and its write-ahead log have
 * the size, time and identity they had, the next check answers from here without opening the file.
 * Opening a warehouse of 10,000 views and closing it again took 0.5 s, after every save in the app.
 *
 * <p>A reading is kept only when the stamps before the file was opened and after it was closed
 * agree (no one wrote meanwhile) and the file was last written more than {@link #SETTLED} before: a
 * write in the same tick of the file system's clock as the stamp would not change it.
 */
final class WarehouseGlance {
  /** How long a file must have been left alone before a reading of it is kept. */
  static final long SETTLED = 2_000;

  /** How many times a stale check opened a warehouse file, for tests. */
  static final AtomicInteger OPENS = new AtomicInteger();

  private final Stamp stamp;
  private final Map<String, String> lastGood;
  private final Map<Relation, Boolean> tables;

  private WarehouseGlance(
      Stamp stamp, Map<String, String> lastGood, Map<Relation, Boolean> tables) {
    this.stamp = stamp;
    this.lastGood = lastGood;
    this.tables = tables;
  }

  /** The answers a check needs, from the last reading when it still holds, else from the file. */
  interface Check<T> {
    T apply(Map<String, String> lastGood, java.util.function.Predicate<Relation> isTable);
  }

  /**
   * Runs {@code check} against the file at {@code path}: from {@code last} while the file is as it
   * was, else opening the file (only if {@code check} asks something {@code last} cannot answer).
   *
   * @return the result and what to keep for the next check ({@code null}: keep nothing)
   */
  static <T> Map.Entry<T, WarehouseGlance> check(
      String path, WarehouseGlance last, Check<T> check) {
    Stamp before = Stamp.of(path);
    boolean holds = last != null && before != null && before.equals(last.stamp);
    Map<Relation, Boolean> tables = new HashMap<>(holds ? last.tables : Map.of());
    LazyWarehouse w =
        new LazyWarehouse(
            "duckdb",
            () -> {
              OPENS.incrementAndGet();
              return DuckDbWarehouse.open(path);
            });
    T result;
    Map<String, String> lastGood;
    boolean opened;
    try {
      lastGood = holds ? last.lastGood : new RunHistory(w).lastSuccessfulHashes();
      result =
          check.apply(
              lastGood,
              r ->
                  tables.computeIfAbsent(
                      r,
                      k ->
                          w.relationKind(k.schema(), k.identifier())
                              .map(kind -> kind == Warehouse.RelationKind.TABLE)
                              .orElse(false)));
    } finally {
      opened = w.isOpen();
      w.close();
    }
    Stamp after = opened ? Stamp.of(path) : before;
    boolean keep =
        after != null
            && after.equals(before)
            && System.currentTimeMillis() - after.lastWritten() > SETTLED;
    return new java.util.AbstractMap.SimpleImmutableEntry<>(
        result, keep ? new WarehouseGlance(after, lastGood, Map.copyOf(tables)) : null);
  }

  /** The DuckDB file's and its write-ahead log's size, time and identity. */
  record Stamp(List<Object> parts, long lastWritten) {
    static Stamp of(String path) {
      if (path == null || path.isBlank() || path.equals(":memory:")) {
        return null;
      }
      try {
        List<Object> parts = new java.util.ArrayList<>();
        long latest = 0;
        for (Path p : List.of(Path.of(path), Path.of(path + ".wal"))) {
          if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            parts.add("none");
            continue;
          }
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          long written = a.lastModifiedTime().toMillis();
          parts.add(a.size());
          parts.add(a.lastModifiedTime().toString()); // to the nanosecond where the system has it
          parts.add(Objects.toString(a.fileKey(), ""));
          latest = Math.max(latest, written);
        }
        return new Stamp(List.copyOf(parts), latest);
      } catch (IOException | RuntimeException e) {
        return null; // a file that cannot be looked at is read every time
      }
    }
  }
}

package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a project builds: a warehouse and the schema models land in. Kept apart from the pipeline
 * itself, like a run configuration.
 *
 * @param type {@code duckdb} (the default)
 * @param path the DuckDB file, absolute; {@code :memory:} for an in-memory database
 * @param schema the schema models build into when they name none
 * @param threads how many nodes run at once; 0 means one per core
 * @param settings every other key, as written
 */
public record Target(
    String name,
    String type,
    String path,
    String schema,
    int threads,
    Map<String, Object> settings) {

  public Target {
    settings = NodeConfig.frozen(settings);
  }

  public static Target duckdb(String name, Path file) {
    return new Target(
        name, "duckdb", file.toAbsolutePath().normalize().toString(), "main", 0, Map.of());
  }

  public Target withPath(String newPath) {
    return new Target(name, type, newPath, schema, threads, settings);
  }
}

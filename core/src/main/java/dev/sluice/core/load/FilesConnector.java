package dev.sluice.core.load;

import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceConnector;
import dev.sluice.core.spi.TableInfo;
import dev.sluice.core.spi.TableRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CSV, Parquet and JSON (or NDJSON) files, one file or a glob, read by DuckDB's own readers.
 * Relative paths are relative to the project folder ({@code base_path} in the connection).
 */
public final class FilesConnector implements SourceConnector, DirectScan {
  private static final String FILE_COLUMN = "__sluice_read_from";

  @Override
  public String kind() {
    return "files";
  }

  @Override
  public String displayName() {
    return "Files (CSV, Parquet, JSON)";
  }

  @Override
  public List<ConfigField> fields() {
    return List.of(
        ConfigField.optional(
            "base_path", ConfigField.Type.PATH, ".", "The folder table paths are relative to."),
        ConfigField.optional(
            "format",
            ConfigField.Type.TEXT,
            "auto",
            "csv, parquet, json or auto (from the file name)."),
        ConfigField.optional("delimiter", ConfigField.Type.TEXT, ",", "The CSV field separator."));
  }

  @Override
  public void check(ConnectorConfig config) {
    // nothing to connect to; each table's files are checked when read
  }

  @Override
  public List<TableInfo> tables(ConnectorConfig config) {
    return List.of();
  }

  @Override
  public void read(ConnectorConfig config, TableRequest request, RowSink sink)
      throws LoadException {
    throw new LoadException("files are read by DuckDB directly; use scan()");
  }

  /** Every file the path matches must be rectangular: a ragged row is named by file and line. */
  private static void checkShape(String pattern, Path base, TableRequest request)
      throws LoadException {
    String delimiter = String.valueOf(request.settings().getOrDefault("delimiter", ","));
    for (Path file : matching(pattern)) {
      try {
        Path shown =
            file.toAbsolutePath().startsWith(base.toAbsolutePath())
                ? base.toAbsolutePath().relativize(file.toAbsolutePath())
                : file;
        // only the rows DuckDB sniffs: past them its strict mode refuses a ragged row itself
        String problem =
            CsvShape.check(
                file,
                shown,
                delimiter.isEmpty() ? ',' : delimiter.charAt(0),
                CsvShape.SNIFFED_ROWS + 1);
        if (problem != null) {
          throw new LoadException("source " + request.qualifiedName() + ": " + problem);
        }
      } catch (java.io.IOException e) {
        throw new LoadException(
            "source " + request.qualifiedName() + ": cannot read " + file + ": " + e.getMessage(),
            e);
      }
    }
  }

  /** The files a path or glob names (a glob's folder part has no wildcards). */
  static List<Path> matching(String pattern) throws LoadException {
    if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
      return List.of(Path.of(pattern));
    }
    Path p = Path.of(pattern);
    Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
    java.nio.file.PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + p.getFileName());
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
      return s.filter(f -> m.matches(f.getFileName())).sorted().toList();
    } catch (java.io.IOException e) {
      throw new LoadException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String scan(ConnectorConfig config, TableRequest request) throws LoadException {
    return scan(config, request, files(config, request));
  }

  /** The files a table's {@code path:} names now, in name order. */
  List<Path> files(ConnectorConfig config, TableRequest request) throws LoadException {
    Object p = request.settings().get("path");
    if (p == null) {
      throw new LoadException(
          "source " + request.qualifiedName() + ": a files table needs 'path:' (a file or a glob)");
    }
    Path base = Path.of(config.text("base_path", "."));
    String path =
        Path.of(p.toString()).isAbsolute() ? p.toString() : base.resolve(p.toString()).toString();
    return matching(path);
  }

  /**
   * Reads the given files, matching their columns by name (a column only later files have is kept),
   * with each row's file, relative to the base path, in {@code _sluice_file}.
   */
  String scan(ConnectorConfig config, TableRequest request, List<Path> files) throws LoadException {
    Object p = request.settings().get("path");
    Path base = Path.of(config.text("base_path", "."));
    String format =
        String.valueOf(request.settings().getOrDefault("format", config.text("format", "auto")))
            .toLowerCase(Locale.ROOT);
    if (format.equals("auto")) {
      String lower = String.valueOf(p).toLowerCase(Locale.ROOT);
      format =
          lower.endsWith(".parquet")
              ? "parquet"
              : lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")
                  ? "json"
                  : "csv";
    }
    StringBuilder list = new StringBuilder("[");
    for (Path f : files) {
      list.append(list.length() > 1 ? ", " : "")
          .append(dev.sluice.core.warehouse.Sql.literal(f.toAbsolutePath().normalize().toString()));
    }
    String lit = list.append("]").toString();
    if (format.equals("csv")) {
      for (Path f : files) {
        checkShape(f.toString(), base, request);
      }
    }
    // a file exported from a raw table brings its own _sluice_file: the file it was read from wins
    String byName = ", union_by_name = true, filename = '" + FILE_COLUMN + "'";
    String read =
        switch (format) {
          case "parquet" -> "read_parquet(" + lit + byName + ")";
          case "json", "ndjson" -> "read_json_auto(" + lit + byName + ")";
          case "csv" ->
              "read_csv("
                  + lit
                  + ", header = true, auto_detect = true, strict_mode = true, delim = '"
                  + String.valueOf(
                          request
                              .settings()
                              .getOrDefault("delimiter", config.text("delimiter", ",")))
                      .replace("'", "''")
                  + "'"
                  + byName
                  + ")";
          default ->
              throw new LoadException(
                  "source "
                      + request.qualifiedName()
                      + ": unknown format '"
                      + format
                      + "'; use csv, parquet or json");
        };
    String prefix = base.toAbsolutePath().normalize() + java.io.File.separator;
    return "(select columns(lambda c: c not in ('_sluice_file', '"
        + FILE_COLUMN
        + "')), replace("
        + FILE_COLUMN
        + ", '"
        + prefix.replace("'", "''")
        + "', '') as _sluice_file from "
        + read
        + ")";
  }
}

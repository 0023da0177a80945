package dev.sluice.core.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CSV, Parquet and JSON (or NDJSON) files, one file or a glob, read by DuckDB's own readers.
 * Relative paths are relative to the project folder ({@code base_path} in the connection).
 */
public final class FilesConnector implements SourceConnector, DirectScan {

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
        ConfigField.optional("base_path", ConfigField.Type.PATH, ".", "The folder table paths are relative to."),
        ConfigField.optional("format", ConfigField.Type.TEXT, "auto", "csv, parquet, json or auto (from the file name)."),
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
  public void read(ConnectorConfig config, TableRequest request, RowSink sink) throws LoadException {
    throw new LoadException("files are read by DuckDB directly; use scan()");
  }

  @Override
  public String scan(ConnectorConfig config, TableRequest request) throws LoadException {
    Object p = request.settings().get("path");
    if (p == null) {
      throw new LoadException("source " + request.qualifiedName() + ": a files table needs 'path:' (a file or a glob)");
    }
    Path base = Path.of(config.text("base_path", "."));
    String path = Path.of(p.toString()).isAbsolute() ? p.toString() : base.resolve(p.toString()).toString();
    String format = String.valueOf(request.settings().getOrDefault("format", config.text("format", "auto")))
        .toLowerCase(Locale.ROOT);
    if (format.equals("auto")) {
      String lower = path.toLowerCase(Locale.ROOT);
      format = lower.endsWith(".parquet") ? "parquet" : lower.endsWith(".json") || lower.endsWith(".ndjson")
          || lower.endsWith(".jsonl") ? "json" : "csv";
    }
    String lit = "'" + path.replace("'", "''") + "'";
    return switch (format) {
      case "parquet" -> "read_parquet(" + lit + ")";
      case "json", "ndjson" -> "read_json_auto(" + lit + ")";
      case "csv" -> "read_csv(" + lit + ", header = true, auto_detect = true, strict_mode = true, delim = '"
          + String.valueOf(request.settings().getOrDefault("delimiter", config.text("delimiter", ","))).replace("'", "''")
          + "')";
      default -> throw new LoadException("source " + request.qualifiedName() + ": unknown format '" + format
          + "'; use csv, parquet or json");
    };
  }
}

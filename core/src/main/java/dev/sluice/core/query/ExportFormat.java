package dev.sluice.core.query;

import java.nio.file.Path;
import java.util.Locale;

/** File formats a result can be written to. */
public enum ExportFormat {
  CSV("csv", "(format csv, header true)"),
  PARQUET("parquet", "(format parquet)");

  private final String extension;
  private final String copyOptions;

  ExportFormat(String extension, String copyOptions) {
    this.extension = extension;
    this.copyOptions = copyOptions;
  }

  public String extension() {
    return extension;
  }

  String copyOptions() {
    return copyOptions;
  }

  /** By the file's extension; CSV when it has none that is known. */
  public static ExportFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".parquet") ? PARQUET : CSV;
  }
}

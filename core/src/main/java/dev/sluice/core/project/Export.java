package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A file written from a model's result after the model builds: the end of a pipeline that hands
 * data to someone outside the warehouse. Declared in {@code exports/*.yml}.
 *
 * @param model the name of the model, seed or snapshot it writes out, as {@code ref()} would name
 *     it
 * @param path where the file goes, relative to the project root
 */
public record Export(
    String name,
    String model,
    Path path,
    Format format,
    Path file,
    int line,
    NodeConfig config,
    String description)
    implements Node {

  /** The file formats an export writes. */
  public enum Format {
    PARQUET,
    CSV;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code parquet} or {@code csv}, in any case. */
    public static Optional<Format> of(String label) {
      for (Format f : values()) {
        if (f.label().equalsIgnoreCase(label.strip())) {
          return Optional.of(f);
        }
      }
      return Optional.empty();
    }

    /** By the file's extension: parquet for {@code .parquet}, csv for anything else. */
    public static Format byExtension(Path file) {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
          ? PARQUET
          : CSV;
    }
  }

  @Override
  public String uniqueId() {
    return "export." + name;
  }

  @Override
  public NodeKind kind() {
    return NodeKind.EXPORT;
  }
}

package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;

/** A small CSV file loaded into a table as it is. */
public record Seed(
    String name,
    Path file,
    String folder,
    NodeConfig config,
    String description,
    List<Column> columns)
    implements Node {

  public Seed {
    columns = List.copyOf(columns);
  }

  @Override
  public String uniqueId() {
    return "seed." + name;
  }

  @Override
  public int line() {
    return 1;
  }

  @Override
  public NodeKind kind() {
    return NodeKind.SEED;
  }
}

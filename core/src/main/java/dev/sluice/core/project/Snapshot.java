package dev.sluice.core.project;

import java.nio.file.Path;

/**
 * A Type 2 slowly changing dimension: each run records how the rows of a query changed.
 *
 * @param sql the body between {@code {% snapshot %}} and {@code {% endsnapshot %}}
 */
public record Snapshot(
    String name, Path file, int line, String sql, NodeConfig config, String description)
    implements Node {

  @Override
  public String uniqueId() {
    return "snapshot." + name;
  }

  @Override
  public NodeKind kind() {
    return NodeKind.SNAPSHOT;
  }
}

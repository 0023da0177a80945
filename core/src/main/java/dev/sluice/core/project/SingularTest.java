package dev.sluice.core.project;

import java.nio.file.Path;

/** A test written as a SQL file under {@code tests/}: it passes when the query returns no rows. */
public record SingularTest(
    String name, Path file, String sql, NodeConfig config, String description) implements DataTest {

  @Override
  public int line() {
    return 1;
  }
}

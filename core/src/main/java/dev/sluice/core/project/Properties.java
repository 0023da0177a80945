package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a schema file says about one model, seed or snapshot: description, config, columns, tests.
 */
record Properties(
    String name,
    Path file,
    int line,
    String description,
    Map<String, Object> config,
    List<Column> columns,
    List<TestDeclaration> tests) {

  /**
   * A test as written in a schema file, before it becomes a node.
   *
   * @param column the column it sits under, or null for a table-level test
   */
  record TestDeclaration(
      String testName,
      String column,
      Map<String, Object> arguments,
      Map<String, Object> config,
      String customName,
      Path file,
      int line) {}
}

package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * A test declared in a schema file against a model, seed or source, e.g. {@code not_null} on a
 * column.
 *
 * @param testName the test's kind: not_null, unique, accepted_values, relationships or a user's own
 * @param attachedTo the unique id of the node it checks
 * @param columnName the column it checks, or null for a table-level test
 * @param arguments the test's arguments (values, to, field, ...), as written
 */
public record GenericTest(
    String name,
    String testName,
    String attachedTo,
    String columnName,
    Map<String, Object> arguments,
    Path file,
    int line,
    NodeConfig config,
    String description)
    implements DataTest {

  public GenericTest {
    arguments = NodeConfig.frozen(arguments);
  }
}

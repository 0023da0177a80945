package dev.sluice.core.edit;

import dev.sluice.core.project.NodeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generic test to put on a column, as a schema file writes it: a name ({@code not_null}) and its
 * arguments ({@code values}, {@code to}, {@code field}).
 */
public record ColumnTest(String name, Map<String, Object> arguments) {

  public ColumnTest {
    arguments = NodeConfig.frozen(arguments);
  }

  public static ColumnTest notNull() {
    return new ColumnTest("not_null", Map.of());
  }

  public static ColumnTest unique() {
    return new ColumnTest("unique", Map.of());
  }

  /** The column holds only these values. */
  public static ColumnTest acceptedValues(List<String> values) {
    return new ColumnTest("accepted_values", Map.of("values", List.copyOf(values)));
  }

  /** Every value of the column appears in {@code field} of model {@code model}. */
  public static ColumnTest relationships(String model, String field) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("to", "ref('" + model + "')");
    args.put("field", field);
    return new ColumnTest("relationships", args);
  }

  /** How it is written in a tests list: the bare name, or {@code {name: {arguments}}}. */
  Object asYaml() {
    return arguments.isEmpty() ? name : Map.of(name, arguments);
  }
}

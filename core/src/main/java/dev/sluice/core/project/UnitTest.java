package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A unit test from a schema file's {@code unit_tests:} (dbt 1.8): the model run on given rows for
 * its inputs, its result compared with the expected rows. It passes when they are the same rows.
 *
 * @param model the name of the model under test
 * @param given one entry per input the model reads
 * @param expect the rows the model should return
 * @param vars {@code overrides: vars:}, replacing the project's for this test
 * @param macros {@code overrides: macros:}, e.g. {@code is_incremental: true}
 */
public record UnitTest(
    String name,
    String model,
    List<UnitTestRows> given,
    UnitTestRows expect,
    Map<String, Object> vars,
    Map<String, Object> macros,
    Path file,
    int line,
    NodeConfig config,
    String description)
    implements DataTest {

  public UnitTest {
    given = List.copyOf(given);
    vars = NodeConfig.frozen(vars);
    macros = NodeConfig.frozen(macros);
  }

  @Override
  public String uniqueId() {
    return "unit_test." + model + "." + name;
  }
}

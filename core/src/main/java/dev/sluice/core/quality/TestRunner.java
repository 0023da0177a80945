package dev.sluice.core.quality;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.warehouse.SqlSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Runs a data test: counts its failing rows and keeps a few as a sample. */
public final class TestRunner {
  public static final int SAMPLE = 5;

  private TestRunner() {}

  /**
   * @param status pass, warn or fail
   */
  public record Outcome(String status, long failures, List<Map<String, Object>> sample) {}

  public static Outcome run(SqlSession session, CompiledNode compiled) throws SQLException {
    DataTest test = (DataTest) compiled.node();
    long failures = session.count(compiled.sql());
    // a unit test's failing rows are its diff, worth showing whole
    int limit = test instanceof dev.sluice.core.project.UnitTest ? 50 : SAMPLE;
    List<Map<String, Object>> sample =
        failures == 0
            ? List.of()
            : session.rows(
                "select * from (" + compiled.sql() + ") as sluice_failures limit " + limit, limit);
    String status = failures == 0 ? "pass" : test.severity().equals("warn") ? "warn" : "fail";
    return new Outcome(status, failures, sample);
  }
}

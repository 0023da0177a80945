package dev.sluice.core.quality;

import dev.sluice.core.compile.Anomaly;
import dev.sluice.core.compile.Checks;
import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.warehouse.SqlSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs a data test with dbt's test configs: {@code limit} caps the failing rows, {@code fail_calc}
 * turns them into the failures number, {@code warn_if}/{@code error_if} judge that number, {@code
 * severity} says which judgement counts, and {@code store_failures} keeps the rows in an audit
 * schema.
 */
public final class TestRunner {
  public static final int SAMPLE = 5;

  /** The schema suffix dbt stores test failures under: {@code <target schema>_dbt_test__audit}. */
  public static final String AUDIT_SCHEMA_SUFFIX = "_dbt_test__audit";

  private TestRunner() {}

  /**
   * @param status pass, warn or fail
   * @param note something to tell beside the status, or null
   */
  public record Outcome(
      String status, long failures, List<Map<String, Object>> sample, String note) {}

  public static Outcome run(SqlSession session, CompiledNode compiled) throws SQLException {
    DataTest test = (DataTest) compiled.node();
    NodeConfig config = compiled.effectiveConfig();
    String sql = compiled.sql();
    Object limit = config.get("limit");
    if (limit != null) {
      sql = "select * from (\n" + sql + "\n) as dbt_limited limit " + whole(limit, "limit");
    }
    String failCalc = orDefault(config.string("fail_calc"), "count(*)");
    String warnIf = orDefault(config.string("warn_if"), "!= 0");
    String errorIf = orDefault(config.string("error_if"), "!= 0");
    Map<String, Object> judged =
        session
            .rows(
                "select failures, coalesce(failures "
                    + warnIf
                    + ", false) as should_warn, coalesce(failures "
                    + errorIf
                    + ", false) as should_error from (select "
                    + failCalc
                    + " as failures from (\n"
                    + sql
                    + "\n) as dbt_internal_test) as judged",
                1)
            .get(0);
    long failures =
        judged.get("failures") == null ? 0 : ((Number) judged.get("failures")).longValue();
    boolean shouldError = Boolean.TRUE.equals(judged.get("should_error"));
    boolean shouldWarn = Boolean.TRUE.equals(judged.get("should_warn"));
    String severity =
        orDefault(config.string("severity"), "error").toLowerCase(java.util.Locale.ROOT);
    String status;
    if (severity.equals("error") && shouldError) {
      status = "fail";
    } else if (shouldWarn || (shouldError && !severity.equals("error"))) {
      status = "warn";
    } else {
      status = "pass";
    }
    // a unit test's failing rows are its diff, worth showing whole
    int sampleLimit = test instanceof dev.sluice.core.project.UnitTest ? 50 : SAMPLE;
    List<Map<String, Object>> sample =
        failures == 0
            ? List.of()
            : session.rows(
                "select * from (" + sql + ") as sluice_failures limit " + sampleLimit, sampleLimit);
    String note = null;
    if (config.bool("store_failures", false)) {
      note = "failing rows in " + storeFailures(session, compiled, sql);
    }
    if (test instanceof GenericTest g && g.testName().equals("anomaly") && status.equals("pass")) {
      note = join(note, anomalyNote(session, g));
    }
    return new Outcome(status, failures, sample, note);
  }

  /**
   * Keeps the failing rows as dbt does: a table (or view) named after the test, replaced each run.
   */
  private static String storeFailures(SqlSession session, CompiledNode compiled, String sql)
      throws SQLException {
    DataTest test = (DataTest) compiled.node();
    String schema =
        test.config().string("schema") == null
            ? compiled.relation().schema() + AUDIT_SCHEMA_SUFFIX
            : compiled.relation().schema();
    String as =
        "view".equalsIgnoreCase(test.config().string("store_failures_as")) ? "view" : "table";
    String rel = quote(schema) + "." + quote(compiled.relation().identifier());
    session.createSchemaIfMissing(quote(schema));
    List<Map<String, Object>> existing =
        session.rows(
            "select table_type from information_schema.tables where table_schema = "
                + dev.sluice.core.warehouse.Sql.literal(schema)
                + " and table_name = "
                + dev.sluice.core.warehouse.Sql.literal(compiled.relation().identifier()),
            1);
    boolean isView = !existing.isEmpty() && "VIEW".equals(existing.get(0).get("table_type"));
    if (!existing.isEmpty() && isView != as.equals("view")) {
      session.execute("drop " + (isView ? "view " : "table ") + rel);
    }
    session.execute("create or replace " + as + " " + rel + " as\n" + sql);
    return schema + "." + compiled.relation().identifier();
  }

  private static String anomalyNote(SqlSession session, GenericTest test) throws SQLException {
    Anomaly a = Anomaly.of(test, test.columnName());
    Checks.AnomalyHistory h =
        new Checks.AnomalyHistory(QualityHistory.METRICS_RELATION, test.attachedTo());
    Object n = session.rows(a.historyCountSql(h), 1).get(0).values().iterator().next();
    long past = ((Number) n).longValue();
    return past < a.minHistory()
        ? "not judged yet: " + past + " of " + a.minHistory() + " past runs in history"
        : null;
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + "; " + b;
  }

  private static String orDefault(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String whole(Object v, String key) {
    String s = String.valueOf(v).trim();
    if (!s.matches("[0-9]+")) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + s + "'");
    }
    return s;
  }

  private static String quote(String ident) {
    return '"' + ident.replace("\"", "\"\"") + '"';
  }
}

package dev.sluice.core.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.compile.Checks;
import dev.sluice.core.warehouse.CatalogChanges;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What each run measured, kept in the warehouse's metadata schema: per node its row count and
 * profiled columns' null share and mean, per check its outcome. Anomaly checks, trends and the
 * scorecard read it. Only the newest runs are kept (see {@link QualitySettings#keepRuns()}).
 */
public final class QualityHistory {
  public static final String METRICS_TABLE = Checks.METRICS_TABLE;
  public static final String CHECKS_TABLE = "check_results";

  /** The metrics table as anomaly checks name it in SQL. */
  public static final String METRICS_RELATION = Checks.METRICS_RELATION;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Warehouse warehouse;
  private final String metrics;
  private final String checks;

  public QualityHistory(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.metrics = warehouse.relation(Warehouse.META_SCHEMA, METRICS_TABLE);
    this.checks = warehouse.relation(Warehouse.META_SCHEMA, CHECKS_TABLE);
    // plain JDBC, as the run history's tables: every run makes these, and JDBI starts slower
    CatalogChanges.oneAtATime(
        () ->
            dev.sluice.core.warehouse.PlainSql.execute(
                warehouse,
                "create schema if not exists " + warehouse.quote(Warehouse.META_SCHEMA),
                "create table if not exists "
                    + metrics
                    + " (run_id varchar, recorded_at timestamp, node_id varchar,"
                    + " metric varchar, column_name varchar, value double)",
                "create table if not exists "
                    + checks
                    + " (run_id varchar, recorded_at timestamp, check_id varchar,"
                    + " check_name varchar, test_name varchar, node_id varchar,"
                    + " column_name varchar, category varchar, status varchar,"
                    + " failures bigint, rows_checked bigint, message varchar, sample varchar)"));
  }

  /** One measured value: {@code row_count}, or {@code null_share}/{@code mean} of a column. */
  public record Metric(String nodeId, String metric, String column, double value) {}

  /**
   * One check's outcome in one run.
   *
   * @param status pass, warn, fail or error
   * @param rowsChecked the rows of the checked table, or -1 when unknown
   */
  public record CheckResult(
      String runId,
      Instant recordedAt,
      String checkId,
      String checkName,
      String testName,
      String nodeId,
      String column,
      Category category,
      String status,
      long failures,
      long rowsChecked,
      String message,
      List<Map<String, String>> sample) {

    public CheckResult {
      sample = sample == null ? List.of() : List.copyOf(sample);
    }
  }

  /** Records one run's measurements, then drops runs beyond the newest {@code keepRuns}. */
  public void record(
      String runId, Instant at, List<Metric> values, List<CheckResult> results, int keepRuns) {
    warehouse
        .jdbi()
        .useTransaction(
            h -> {
              var m =
                  h.prepareBatch(
                      "insert into " + metrics + " values (:run, :at, :node, :metric, :col, :v)");
              for (Metric v : values) {
                m.bind("run", runId)
                    .bind("at", Timestamp.from(at))
                    .bind("node", v.nodeId())
                    .bind("metric", v.metric())
                    .bind("col", v.column())
                    .bind("v", v.value())
                    .add();
              }
              if (!values.isEmpty()) {
                m.execute();
              }
              var c =
                  h.prepareBatch(
                      "insert into "
                          + checks
                          + " values (:run, :at, :id, :name, :test, :node, :col, :cat, :st, :f, :n, :msg, :sample)");
              for (CheckResult r : results) {
                c.bind("run", runId)
                    .bind("at", Timestamp.from(at))
                    .bind("id", r.checkId())
                    .bind("name", r.checkName())
                    .bind("test", r.testName())
                    .bind("node", r.nodeId())
                    .bind("col", r.column())
                    .bind("cat", r.category().label())
                    .bind("st", r.status())
                    .bind("f", r.failures())
                    .bind("n", r.rowsChecked())
                    .bind("msg", r.message())
                    .bind("sample", json(r.sample()))
                    .add();
              }
              if (!results.isEmpty()) {
                c.execute();
              }
              for (String table : List.of(metrics, checks)) {
                h.execute(
                    "delete from "
                        + table
                        + " where run_id not in (select run_id from (select run_id, max(recorded_at) as last_at from "
                        + table
                        + " group by run_id order by last_at desc limit "
                        + Math.max(1, keepRuns)
                        + "))");
              }
            });
  }

  /** Check outcomes of the newest {@code runs} runs that recorded any, oldest first. */
  public List<CheckResult> checkResults(int runs) {
    return warehouse
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select * from "
                            + checks
                            + " where run_id in (select run_id from (select run_id, max(recorded_at) as last_at from "
                            + checks
                            + " group by run_id order by last_at desc limit :n)) order by recorded_at, check_id")
                    .bind("n", runs)
                    .map(
                        (rs, ctx) ->
                            new CheckResult(
                                rs.getString("run_id"),
                                rs.getTimestamp("recorded_at").toInstant(),
                                rs.getString("check_id"),
                                rs.getString("check_name"),
                                rs.getString("test_name"),
                                rs.getString("node_id"),
                                rs.getString("column_name"),
                                Category.of(rs.getString("category")),
                                rs.getString("status"),
                                rs.getLong("failures"),
                                rs.getLong("rows_checked"),
                                rs.getString("message"),
                                rows(rs.getString("sample"))))
                    .list());
  }

  private static String json(List<Map<String, String>> sample) {
    try {
      return JSON.writeValueAsString(sample);
    } catch (JsonProcessingException e) {
      return "[]";
    }
  }

  private static List<Map<String, String>> rows(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Map<String, String>>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  /** A node's values of one metric, oldest first. */
  public List<Double> metric(String nodeId, String metric, String column, int runs) {
    return warehouse
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select value from (select value, recorded_at from "
                            + metrics
                            + " where node_id = :node and metric = :m and column_name is not distinct from :c"
                            + " order by recorded_at desc limit :n) order by recorded_at")
                    .bind("node", nodeId)
                    .bind("m", metric)
                    .bind("c", column)
                    .bind("n", runs)
                    .mapTo(Double.class)
                    .list());
  }
}

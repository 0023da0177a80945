package dev.sluice.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.pipeline.Workspace;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.Model;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {
  @TempDir Path dir;

  @Test
  void aProfiledQueryBecomesATreeOfOperatorsWithRowsTimesAndTheHottestOne() throws Exception {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString())) {
      w.jdbi()
          .useHandle(
              h -> {
                h.execute(
                    "create table orders as select range as id, range % 50 as customer_id,"
                        + " range * 1.5 as amount from range(200000)");
                h.execute(
                    "create table customers as select range as id, 'c' || range as name"
                        + " from range(50)");
              });
      QueryPlan plan =
          Explain.analyze(
              w,
              "select c.name, sum(o.amount) from orders o join customers c on c.id ="
                  + " o.customer_id where o.id > 100 group by c.name order by 2 desc;",
              new ResultStream.Cancel());
      assertThat(plan.root().operator())
          .as("DuckDB's result collector and explain wrappers are left out")
          .isNotIn("RESULT_COLLECTOR", "EXPLAIN_ANALYZE");
      assertThat(plan.operators())
          .extracting(PlanNode::operator)
          .contains("HASH_JOIN", "ORDER_BY")
          .anyMatch(op -> op.contains("SCAN"));
      PlanNode scan =
          plan.operators().stream()
              .filter(n -> n.operator().contains("SCAN") && n.detailsLine().contains("orders"))
              .findFirst()
              .orElseThrow();
      assertThat(scan.rows()).as("the scan's filter passes all but 101 rows").isEqualTo(199_899);
      assertThat(scan.detailsLine()).contains("Filters").contains("100");
      assertThat(plan.root().rows()).isEqualTo(50);
      assertThat(plan.totalSeconds()).isPositive();
      double shares = plan.operators().stream().mapToDouble(plan::share).sum();
      assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      PlanNode hot = plan.hottest();
      assertThat(plan.operators()).allMatch(n -> n.seconds() <= hot.seconds());

      String text = plan.asText();
      assertThat(text).startsWith("Query plan: ").contains("<- hottest").contains("HASH_JOIN");
      String joinLine =
          text.lines().filter(l -> l.strip().startsWith("HASH_JOIN")).findFirst().orElseThrow();
      String rootLine = text.lines().skip(1).findFirst().orElseThrow();
      assertThat(indent(joinLine))
          .as("children are indented under their parent")
          .isGreaterThan(indent(rootLine));
    }
  }

  @Test
  void badSqlFailsWithDuckDbsMessageAndTheNodeName() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, null, null, 2, false, RunListener.NONE).exitCode()).isZero();
      Model orders = (Model) p.manifest().node("model.stg_orders").orElseThrow();
      String sql = Previews.compileModelText(p, orders, orders.sql());
      QueryPlan plan = Workspace.explain(p, "stg_orders", sql, new ResultStream.Cancel());
      assertThat(plan.sql()).isEqualTo(sql.strip());
      assertThat(plan.operators()).anyMatch(n -> n.operator().contains("SCAN"));

      assertThatThrownBy(
              () ->
                  Workspace.explain(
                      p,
                      "stg_orders",
                      "select nonsense_column from (" + sql + ") as q",
                      new ResultStream.Cancel()))
          .isInstanceOf(QueryException.class)
          .hasMessageStartingWith("explain of stg_orders failed: ")
          .hasMessageContaining("nonsense_column");
    }
  }

  @Test
  void theJsonOfAnOlderDuckDbWithOperatorNamesAndTimingsReadsTheSame() {
    String json =
        "{\"latency\": 0.5, \"children\": [{\"operator_type\": \"PROJECTION\","
            + " \"operator_timing\": 0.1, \"operator_cardinality\": 3, \"extra_info\": {},"
            + " \"children\": [{\"operator_type\": \"SEQ_SCAN \", \"operator_timing\": 0.3,"
            + " \"operator_cardinality\": 3, \"extra_info\": {\"Table\": \"t\","
            + " \"Projections\": [\"a\", \"b\"]}, \"children\": []}]}]}";
    QueryPlan plan = Explain.parse("select a, b from t", json);
    assertThat(plan.root().operator()).isEqualTo("PROJECTION");
    assertThat(plan.hottest().operator()).isEqualTo("SEQ_SCAN");
    assertThat(plan.hottest().detailsLine()).isEqualTo("Table: t · Projections: a, b");
    assertThat(plan.share(plan.hottest()))
        .isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(plan.totalSeconds()).isEqualTo(0.5);
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }
}

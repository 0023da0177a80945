package dev.sluice.core.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.quality.QualityHistory;
import dev.sluice.core.quality.QualitySettings;
import dev.sluice.core.quality.Scorecard;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The star-schema sample, built over its three simulated days as simulate.sh does. */
class WarehouseSampleTest {
  @TempDir Path dir;

  private RunSummary day(Path root, int day) {
    try (Pipeline p =
        Pipeline.open(root, PipelineOptions.defaults().withVars(Map.of("day", day)))) {
      return p.run(Command.BUILD, null, null, 2, false, RunListener.NONE);
    }
  }

  private static List<String> rows(Pipeline p, String sql) {
    return Tables.rows(p.warehouse(), sql).stream()
        .map(r -> r.values().stream().map(String::valueOf).collect(Collectors.joining(" | ")))
        .toList();
  }

  @Test
  void threeDaysOfSourceChangesLeaveExactlyThisHistory() {
    Path root = Samples.copy("warehouse", dir);
    for (int d = 1; d <= 3; d++) {
      RunSummary s = day(root, d);
      assertThat(s.results())
          .as("day " + d)
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .as(r.nodeId() + ": " + r.message())
                      .isIn(NodeStatus.SUCCESS, NodeStatus.PASS, NodeStatus.WARN));
    }
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      assertThat(
              rows(
                  p,
                  "select customer_id, city, segment, strftime(dbt_valid_from, '%m-%d'),"
                      + " coalesce(strftime(dbt_valid_to, '%m-%d'), 'current')"
                      + " from main_silver.customers_snapshot order by customer_id, dbt_valid_from"))
          .containsExactly(
              "1 | Lisbon | retail | 11-01 | current",
              "2 | Porto | retail | 11-01 | current",
              "3 | Lisbon | business | 11-01 | 11-02",
              "3 | Porto | business | 11-02 | current",
              "4 | Faro | retail | 11-01 | current",
              "5 | Porto | business | 11-01 | 11-03",
              "5 | Porto | retail | 11-03 | current",
              "6 | Braga | retail | 11-01 | current",
              "7 | Faro | retail | 11-03 | current");
      assertThat(
              rows(
                  p,
                  "select product_id, category, unit_price, strftime(dbt_valid_from, '%m-%d'),"
                      + " coalesce(strftime(dbt_valid_to, '%m-%d'), 'current')"
                      + " from main_silver.products_snapshot order by product_id, dbt_valid_from"))
          .containsExactly(
              "1 | tea | 6.50 | 11-01 | current",
              "2 | tea | 5.90 | 11-01 | 11-02",
              "2 | tea | 6.40 | 11-02 | current",
              "3 | ware | 24.00 | 11-01 | current",
              "4 | ware | 18.00 | 11-01 | 11-03",
              "4 | gifts | 18.00 | 11-03 | current");
      assertThat(rows(p, "select store_id, manager from main_gold.dim_store order by store_id"))
          .as("Type 1: the new manager overwrote the old")
          .containsExactly("1 | Rita", "2 | Marta");
      assertThat(Tables.count(p.warehouse(), "main_gold.dim_date")).isEqualTo(92);
      assertThat(Tables.count(p.warehouse(), "main_gold.fct_sales")).isEqualTo(13);
      assertThat(Tables.count(p.warehouse(), "main_gold.fct_inventory_daily"))
          .as("2 stores x 4 products x 3 days, added a day at a time")
          .isEqualTo(24);
      // each sale points at the product price valid when it was sold
      assertThat(
              rows(
                  p,
                  "select f.sale_id, d.unit_price from main_gold.fct_sales f"
                      + " join main_gold.dim_product d using (product_sk)"
                      + " where f.product_id = 2 order by f.sale_id"))
          .containsExactly("3 | 5.90", "5 | 6.40", "8 | 6.40", "11 | 6.40");
      // the day-1 stock count of product 4 keeps the version it was counted under
      assertThat(
              rows(
                  p,
                  "select i.date_key, d.category from main_gold.fct_inventory_daily i"
                      + " join main_gold.dim_product d using (product_sk)"
                      + " where i.product_id = 4 and i.store_key = 1 order by i.date_key"))
          .containsExactly("20261101 | ware", "20261102 | ware", "20261103 | gifts");
      assertThat(
              rows(
                  p,
                  "select from_field from main_dbt_test__audit."
                      + "relationships_fct_sales_customer_id__ref_dim_customer__customer_id"))
          .containsExactly("99");

      Scorecard card =
          Scorecard.of(
              new QualityHistory(p.warehouse()).checkResults(100), QualitySettings.read(root));
      Scorecard.TableScore sales =
          card.tables().stream()
              .filter(t -> t.name().equals("fct_sales"))
              .findFirst()
              .orElseThrow();
      assertThat(sales.failing()).hasSize(2);
      assertThat(sales.trend()).hasSize(3);
      assertThat(card.tables().get(0).name()).as("worst first").isEqualTo("dim_customer");
    }
  }
}

package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.testing.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSampleTest {
  @TempDir Path dir;

  private RunSummary build(Path project, String select) {
    try (Pipeline p = Pipeline.open(project, PipelineOptions.defaults())) {
      return p.run(Command.BUILD, select, null, 2, false, RunListener.NONE);
    }
  }

  @Test
  void shopSampleBuildsWithEveryTestPassingAndRightContents() {
    Path shop = Samples.copy("shop", dir);
    RunSummary s = build(shop, null);
    assertThat(s.results())
        .allSatisfy(
            r ->
                assertThat(r.status())
                    .as(r.nodeId() + ": " + r.message())
                    .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
    assertThat(s.exitCode()).isZero();
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      var w = p.warehouse();
      assertThat(Tables.count(w, "main.customers")).isEqualTo(120);
      assertThat(Tables.count(w, "main.orders")).isEqualTo(600);
      // the mart's revenue equals the same sum computed straight from the seeds
      var check =
          Tables.rows(
                  w,
                  """
          select (select sum(revenue) from main.daily_revenue) as mart,
                 (select round(sum(i.quantity * p.unit_price_cents) / 100.0, 2)
                    from main.raw_order_items i join main.raw_products p using (product_id)
                    join main.raw_orders o using (order_id) where o.status <> 'returned') as direct
          """)
              .get(0);
      assertThat(((Number) check.get("mart")).doubleValue())
          .isEqualTo(
              ((Number) check.get("direct")).doubleValue(),
              org.assertj.core.data.Offset.offset(0.01));
      assertThat(w.relationKind("main", "stg_orders"))
          .contains(dev.sluice.core.warehouse.Warehouse.RelationKind.VIEW);
      assertThat(w.relationKind("main", "order_totals"))
          .as("ephemeral models never become relations")
          .isEmpty();
      assertThat(Tables.count(w, "main.customers_snapshot")).isEqualTo(120);
      assertThat(p.history().runs(10))
          .hasSize(1)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo("succeeded"));
    }
    assertThat(shop.resolve("target/run_results.json")).exists();
    assertThat(shop.resolve("target/compiled/shop/models/marts/orders.sql"))
        .content()
        .contains("__sluice_cte__order_totals as (");
  }

  @Test
  void buildingThreeTimesLeavesTheWarehouseAsBuildingOnce() {
    Path shop = Samples.copy("shop", dir);
    List<Map<String, String>> prints = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertThat(build(shop, null).exitCode()).isZero();
      try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
        prints.add(Tables.fingerprint(p.warehouse()));
      }
    }
    assertThat(prints.get(0)).hasSizeGreaterThan(10);
    assertThat(prints.get(1)).isEqualTo(prints.get(0));
    assertThat(prints.get(2)).isEqualTo(prints.get(0));
  }

  @Test
  void aFailedRebuildLeavesTheOldTableAndTheOtherModelsBuild() throws Exception {
    Path shop = Samples.copy("shop", dir);
    build(shop, null);
    Path model = shop.resolve("models/marts/product_sales.sql");
    Files.writeString(model, Files.readString(model).replace("p.category,", "p.no_such_column,"));
    RunSummary s = build(shop, null);
    assertThat(s.exitCode()).isEqualTo(1);
    NodeResult failed =
        s.results().stream()
            .filter(r -> r.name().equals("product_sales"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(failed.message())
        .startsWith("models/marts/product_sales.sql:4: Binder Error")
        .contains("no_such_column");
    assertThat(s.results())
        .filteredOn(r -> r.name().equals("customers"))
        .extracting(NodeResult::status)
        .containsExactly(NodeStatus.SUCCESS);
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(Tables.count(p.warehouse(), "main.product_sales")).isEqualTo(12);
      assertThat(p.warehouse().columns("main", "product_sales"))
          .extracting(c -> c.name())
          .contains("category");
    }
  }

  @Test
  void selectingAModelAndItsDownstreamBuildsOnlyThose() {
    Path shop = Samples.copy("shop", dir);
    build(shop, null);
    RunSummary s = build(shop, "stg_orders+");
    assertThat(s.results())
        .extracting(NodeResult::name)
        .contains("stg_orders", "orders", "customers", "daily_revenue")
        .doesNotContain("stg_customers", "product_sales", "raw_orders");
  }

  @Test
  void cancellingStopsTheRunningQueryAndKeepsThePreviousTable() throws Exception {
    Path shop = Samples.copy("shop", dir);
    build(shop, null);
    Files.writeString(
        shop.resolve("models/marts/slow.sql"),
        "{{ config(materialized='table') }}\nselect count(*) as n from range(100000000000) a");
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      Thread canceller =
          new Thread(
              () -> {
                try {
                  Thread.sleep(1500);
                } catch (InterruptedException e) {
                  return;
                }
                p.cancel();
              });
      canceller.start();
      RunSummary s = p.run(Command.RUN, "slow customers", null, 1, false, RunListener.NONE);
      canceller.join();
      assertThat(s.cancelled()).isTrue();
      assertThat(s.results()).extracting(NodeResult::status).contains(NodeStatus.CANCELLED);
      assertThat(p.warehouse().exists("main", "slow")).isFalse();
      assertThat(Tables.count(p.warehouse(), "main.customers")).isEqualTo(120);
    }
  }
}

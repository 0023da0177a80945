package dev.sluice.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mart column of the shop sample, traced to its seed columns by hand, both before anything is
 * built (columns from the seeds' CSV headers) and after (columns from the warehouse).
 */
class ShopLineageTest extends CliTestBase {
  @TempDir Path dir;

  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("customers.customer_id", "raw_customers.customer_id=copied");
    EXPECTED.put(
        "customers.customer_name",
        "raw_customers.first_name=expression raw_customers.last_name=expression");
    EXPECTED.put("customers.country", "raw_customers.country=expression");
    EXPECTED.put("customers.orders", ""); // count(*) reads no column's value
    EXPECTED.put("customers.first_order_date", "raw_orders.ordered_at=aggregate");
    EXPECTED.put("customers.last_order_date", "raw_orders.ordered_at=aggregate");
    EXPECTED.put(
        "customers.lifetime_value",
        "raw_orders.status=aggregate raw_order_items.quantity=aggregate"
            + " raw_products.unit_price_cents=aggregate");
    EXPECTED.put("orders.order_id", "raw_orders.order_id=copied");
    EXPECTED.put("orders.customer_id", "raw_orders.customer_id=copied");
    EXPECTED.put("orders.order_date", "raw_orders.ordered_at=expression");
    EXPECTED.put("orders.status", "raw_orders.status=expression");
    EXPECTED.put("orders.items", "raw_order_items.quantity=aggregate");
    EXPECTED.put(
        "orders.amount",
        "raw_order_items.quantity=aggregate raw_products.unit_price_cents=aggregate");
    EXPECTED.put("orders.is_returned", "raw_orders.status=expression");
    EXPECTED.put("product_sales.product_id", "raw_products.product_id=copied");
    EXPECTED.put("product_sales.product_name", "raw_products.product_name=copied");
    EXPECTED.put("product_sales.category", "raw_products.category=copied");
    EXPECTED.put("product_sales.units_sold", "raw_order_items.quantity=aggregate");
    EXPECTED.put(
        "product_sales.revenue",
        "raw_order_items.quantity=aggregate raw_products.unit_price_cents=aggregate");
    EXPECTED.put("daily_revenue.order_date", "raw_orders.ordered_at=expression");
    EXPECTED.put("daily_revenue.orders", "");
    EXPECTED.put(
        "daily_revenue.revenue",
        "raw_order_items.quantity=aggregate raw_products.unit_price_cents=aggregate");
  }

  @Test
  void everyMartColumnReachesTheSeedColumnsItIsMadeOfBeforeAndAfterABuild() {
    Path shop = Samples.copy("shop", dir);
    assertThat(traced(Lineages.of(shop))).isEqualTo(EXPECTED);
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    assertThat(traced(Lineages.of(shop))).isEqualTo(EXPECTED);
  }

  @Test
  void theMartsListEveryColumnTheyBuild() {
    ProjectLineage l = Lineages.of(Samples.copy("shop", dir));
    for (String mart : new String[] {"customers", "orders", "product_sales", "daily_revenue"}) {
      ModelLineage m = l.of("model." + mart).orElseThrow();
      assertThat(m.complete()).isTrue();
      assertThat(m.columns()).allMatch(ColumnLineage::isKnown);
    }
    assertThat(l.of("model.customers").orElseThrow().columnNames())
        .containsExactly(
            "customer_id",
            "customer_name",
            "country",
            "orders",
            "first_order_date",
            "last_order_date",
            "lifetime_value");
  }

  @Test
  void theCommandPrintsTheTreeTheSourceColumnsAndTheKeys() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("lineage", "--project", shop.toString(), "customers.lifetime_value"))
        .isZero();
    assertThat(out)
        .contains("  <- orders.amount (aggregate)")
        .contains("      <- stg_order_items.amount_cents (aggregate)")
        .contains("Source columns:")
        .containsPattern("raw_products.unit_price_cents +aggregate")
        .containsPattern("stg_customers.customer_id +join key +in customers");
    assertThat(sluice("lineage", "--project", shop.toString(), "--downstream", "raw_orders.status"))
        .isZero();
    assertThat(out)
        .contains("-> stg_orders.status (expression)")
        .contains("-> customers.lifetime_value (aggregate)")
        .contains("-> daily_revenue (its rows) (filter)");
    assertThat(sluice("lineage", "--project", shop.toString(), "customers.nope")).isEqualTo(2);
    assertThat(err).contains("customers.nope is not a column; its columns are customer_id");
  }

  private static Map<String, String> traced(ProjectLineage l) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : EXPECTED.keySet()) {
      int dot = key.indexOf('.');
      StringBuilder sb = new StringBuilder();
      Lineages.sources(l, key.substring(0, dot), key.substring(dot + 1))
          .forEach(
              (k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
      out.put(key, sb.toString());
    }
    return out;
  }
}

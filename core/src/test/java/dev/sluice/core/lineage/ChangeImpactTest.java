package dev.sluice.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impact of an unsaved edit of a shop model on what reads it. */
class ChangeImpactTest {
  @TempDir Path dir;

  @Test
  void removingAColumnThatOthersReadIsBreakingAndNamesTheReaders() throws Exception {
    Path shop = Samples.copy("shop", dir);
    ProjectLineage l = Lineages.of(shop);
    String sql = Files.readString(shop.resolve("models/staging/stg_orders.sql"));
    String renamed = sql.replace("lower(status) as status,", "lower(status) as order_status,");
    ChangeImpact impact = ChangeImpact.of(l, Map.of(), "model.stg_orders", renamed);
    assertThat(impact.problems()).isEmpty();
    assertThat(impact.removed()).containsExactly("status");
    assertThat(impact.added()).containsExactly("order_status");
    assertThat(impact.breaking()).isTrue();
    assertThat(impact.readers())
        .extracting(r -> r.column().display())
        .contains("orders.status", "orders.is_returned", "customers.lifetime_value");
  }

  @Test
  void addingAColumnBreaksNothing() throws Exception {
    Path shop = Samples.copy("shop", dir);
    ProjectLineage l = Lineages.of(shop);
    String sql = Files.readString(shop.resolve("models/staging/stg_orders.sql"));
    ChangeImpact impact =
        ChangeImpact.of(
            l,
            Map.of(),
            "model.stg_orders",
            sql.replace("    updated_at\n", "    updated_at,\n    1 as one\n"));
    assertThat(impact.removed()).isEmpty();
    assertThat(impact.added()).containsExactly("one");
    assertThat(impact.breaking()).isFalse();
  }

  @Test
  void anEditThatDoesNotParseSaysWhere() throws Exception {
    Path shop = Samples.copy("shop", dir);
    ProjectLineage l = Lineages.of(shop);
    ChangeImpact impact =
        ChangeImpact.of(
            l, Map.of(), "model.stg_orders", "select order_id,\nfrom from {{ ref('raw_orders') }}");
    assertThat(impact.problems()).singleElement().asString().contains("stg_orders.sql:2");
    assertThat(impact.breaking()).isFalse();
  }
}

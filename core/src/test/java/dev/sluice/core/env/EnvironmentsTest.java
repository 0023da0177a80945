package dev.sluice.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan, promote and roll back virtual environments on the shop sample. */
class EnvironmentsTest extends CliTestBase {
  @TempDir Path dir;
  Path shop;

  @BeforeEach
  void planProd() {
    shop = Samples.copy("shop", dir);
    assertThat(sluice("plan", "--project", shop.toString(), "--env", "prod")).isZero();
    assertThat(out)
        .contains("model.customers                  added")
        .contains("Built 13 new versions");
  }

  @Test
  void anAddedColumnIsNonBreakingAndADroppedOneBreaking() throws Exception {
    addSignedUpAtToCustomers();
    dropCategoryFromProducts();
    assertThat(sluice("plan", "--project", shop.toString(), "--env", "dev", "--dry-run")).isZero();
    assertThat(out)
        .containsPattern("model.customers +directly modified \\(non-breaking\\) +adds signed_up_at")
        .containsPattern("model.stg_products +directly modified \\(breaking\\) +drops category")
        .contains("Would build 3 new versions; 10 unchanged models");
    assertThat(physicalTables()).isEqualTo(13);
  }

  @Test
  void devIsBuiltBesideProdAndPromotionRepointsProdWithoutBuilding() throws Exception {
    addSignedUpAtToCustomers();
    assertThat(sluice("plan", "--project", shop.toString(), "--env", "dev")).isZero();
    assertThat(out).contains("Built 1 new version; 12 unchanged models point at existing tables");
    assertThat(columns("main__dev.customers")).contains("signed_up_at");
    assertThat(columns("main.customers")).doesNotContain("signed_up_at");
    assertThat(count("main__dev.stg_orders")).isEqualTo(count("main.stg_orders"));
    int tables = physicalTables();

    assertThat(sluice("promote", "--project", shop.toString(), "dev")).isZero();
    assertThat(columns("main.customers")).contains("signed_up_at");
    assertThat(physicalTables()).isEqualTo(tables);

    assertThat(sluice("rollback", "--project", shop.toString(), "prod")).isZero();
    assertThat(columns("main.customers")).doesNotContain("signed_up_at");
    assertThat(count("main.customers")).isEqualTo(120);
  }

  @Test
  void aFailedPlanLeavesBothEnvironmentsAsTheyWere() throws Exception {
    assertThat(sluice("plan", "--project", shop.toString(), "--env", "dev")).isZero();
    List<String> devBefore = columns("main__dev.customers");
    int tables = physicalTables();
    addSignedUpAtToCustomers();
    Path stg = shop.resolve("models/staging/stg_products.sql");
    Files.writeString(
        stg, Files.readString(stg).replace("category, ", "")); // product_sales needs it
    assertThat(sluice("plan", "--project", shop.toString(), "--env", "dev")).isEqualTo(1);
    assertThat(err).contains("product_sales failed to build, so dev is unchanged");
    assertThat(columns("main__dev.customers")).isEqualTo(devBefore);
    assertThat(columns("main.customers")).isEqualTo(devBefore);
    assertThat(physicalTables()).isEqualTo(tables);
  }

  private void addSignedUpAtToCustomers() throws Exception {
    Path f = shop.resolve("models/marts/customers.sql");
    Files.writeString(
        f,
        Files.readString(f).replace("    c.country,\n", "    c.country,\n    c.signed_up_at,\n"));
  }

  private void dropCategoryFromProducts() throws Exception {
    Path stg = shop.resolve("models/staging/stg_products.sql");
    Files.writeString(stg, Files.readString(stg).replace("category, ", ""));
    Path mart = shop.resolve("models/marts/product_sales.sql");
    Files.writeString(mart, Files.readString(mart).replace("    p.category,\n", ""));
  }

  private List<String> columns(String relation) {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(shop.resolve("target/shop.duckdb").toString())) {
      return w.jdbi()
          .withHandle(
              h ->
                  h.createQuery("select column_name from (describe " + relation + ")")
                      .mapTo(String.class)
                      .list());
    }
  }

  private long count(String relation) {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(shop.resolve("target/shop.duckdb").toString())) {
      return w.jdbi()
          .withHandle(
              h -> h.createQuery("select count(*) from " + relation).mapTo(Long.class).one());
    }
  }

  private int physicalTables() {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(shop.resolve("target/shop.duckdb").toString())) {
      return w.jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "select count(*) from information_schema.tables"
                              + " where table_schema = 'sluice_physical'")
                      .mapTo(Integer.class)
                      .one());
    }
  }
}

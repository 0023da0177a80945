package dev.sluice.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slim CI: build only what changed against a saved manifest, and what depends on it. */
class StateSelectionTest extends CliTestBase {
  @TempDir Path dir;
  Path shop;
  Path saved;

  @BeforeEach
  void buildAndSaveTheManifest() throws Exception {
    shop = Samples.copy("shop", dir.resolve("shop"));
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    saved = Files.createDirectories(dir.resolve("prod-artifacts"));
    Files.copy(shop.resolve("target/manifest.json"), saved.resolve("manifest.json"));
  }

  @Test
  void editingOneModelBuildsItAndWhatDependsOnIt() throws Exception {
    Path stg = shop.resolve("models/staging/stg_orders.sql");
    Files.writeString(stg, Files.readString(stg).replace("lower(status)", "lower(trim(status))"));
    assertThat(build("state:modified+")).isZero();
    assertThat(out)
        .contains("created view main.stg_orders")
        .contains("created table main.orders")
        .contains("created table main.customers")
        .contains("merged into main.daily_revenue")
        .doesNotContain("main.stg_customers")
        .doesNotContain("main.product_sales")
        .doesNotContain("raw_orders");
    assertThat(build("state:modified")).isZero();
    assertThat(out).contains("created view main.stg_orders").doesNotContain("main.orders ");
  }

  @Test
  void nothingChangedRunsNothing() {
    assertThat(build("state:modified+")).isZero();
    assertThat(out).contains("Nothing is new or modified against");
  }

  @Test
  void aConfigurationChangeInTheProjectFileIsAModification() throws Exception {
    Path yml = shop.resolve("sluice.yml");
    Files.writeString(
        yml,
        Files.readString(yml)
            .replace("      +materialized: view\n", "      +materialized: table\n"));
    assertThat(build("state:modified.configs")).isZero();
    assertThat(out).contains("created table main.stg_orders").doesNotContain("main.orders ");
    assertThat(build("state:modified.body")).isZero();
    assertThat(out).contains("Nothing is new or modified");
  }

  @Test
  void aNewModelIsNew() throws Exception {
    Files.writeString(
        shop.resolve("models/marts/big_customers.sql"),
        "select * from {{ ref('customers') }} where lifetime_value > 100");
    assertThat(build("state:new")).isZero();
    assertThat(out).contains("main.big_customers").doesNotContain("main.customers ");
  }

  @Test
  void withoutAStateFolderTheLastGoodBuildIsComparedAndAMissingFolderIsAClearError() {
    // no --state: the build in the set-up is the last good one, and nothing changed since
    assertThat(sluice("build", "--project", shop.toString(), "--select", "state:modified"))
        .isZero();
    assertThat(out).contains("Nothing is new or modified against the last successful build");
    assertThat(
            sluice(
                "build",
                "--project",
                shop.toString(),
                "--select",
                "state:modified",
                "--state",
                dir.resolve("nowhere").toString()))
        .isEqualTo(2);
    assertThat(err).contains("there is no manifest.json in it");
  }

  private int build(String select) {
    return sluice(
        "build", "--project", shop.toString(), "--select", select, "--state", saved.toString());
  }
}

package dev.sluice.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  @TempDir Path dir;

  @Test
  void readsModelsSeedsSourcesAndTestsWithLayeredConfig() {
    Project p =
        ProjectFolder.sluice(dir, "shop")
            .file(
                "sluice.yml",
                "name: shop\nmodels:\n  shop:\n    +materialized: view\n    marts:\n      +materialized: table\n      +tags: [daily]\n")
            .file("models/staging/stg_orders.sql", "select 1 as id")
            .file("models/marts/orders.sql", "select * from {{ ref('stg_orders') }}")
            .file(
                "models/marts/schema.yml",
                """
            models:
              - name: orders
                description: One row per order
                config: {tags: [finance]}
                columns:
                  - name: id
                    tests: [not_null, unique]
                  - name: status
                    data_tests:
                      - accepted_values:
                          values: [placed, shipped]
                          severity: warn
            """)
            .file("seeds/raw_customers.csv", "id,name\n1,Ann\n")
            .file(
                "sources/shop_db.yml",
                """
            sources:
              - name: shop_db
                connector: postgres
                connection: {host: localhost}
                tables:
                  - name: orders
                    primary_key: id
            """)
            .load();

    assertThat(p.problems()).isEmpty();
    Model orders = (Model) p.node("model.orders").orElseThrow();
    assertThat(orders.config().materialized("view")).isEqualTo("table");
    assertThat(orders.config().tags()).containsExactly("daily", "finance");
    assertThat(orders.folder()).isEqualTo("marts");
    assertThat(orders.description()).isEqualTo("One row per order");
    assertThat(p.node("model.stg_orders").orElseThrow().config().materialized(""))
        .isEqualTo("view");
    assertThat(p.nodesOf(GenericTest.class))
        .extracting(GenericTest::name)
        .containsExactly(
            "not_null_orders_id",
            "unique_orders_id",
            "accepted_values_orders_status__placed__shipped");
    assertThat(p.nodesOf(GenericTest.class).get(2).severity()).isEqualTo("warn");
    SourceTable src = p.source("shop_db", "orders").orElseThrow();
    assertThat(src.isLoaded()).isTrue();
    assertThat(src.load().table()).containsEntry("primary_key", "id");
    assertThat(p.node("seed.raw_customers")).isPresent();
  }

  @Test
  void settingsKeepTheirOrderSoTheirTextIsTheSameInEveryProcess() {
    // Map.copyOf iterates in an order salted per process: the settings' text, part of the
    // partial-parse fingerprint, then differed between two runs and every other CLI run missed
    Project p =
        ProjectFolder.sluice(dir, "x")
            .file(
                "sluice.yml",
                "name: x\nmodels:\n  +materialized: view\nseeds:\n  +enabled: true\n"
                    + "snapshots:\n  +enabled: true\ntests:\n  +severity: warn\n"
                    + "sources:\n  +enabled: true\n")
            .load();
    assertThat(p.settings().configTrees().keySet())
        .containsExactly("models", "seeds", "snapshots", "tests", "sources");
  }

  @Test
  void malformedYamlIsReportedWithFileAndLine() {
    Project p =
        ProjectFolder.sluice(dir, "x")
            .file("models/schema.yml", "models:\n  - name: a\n    columns: [\n")
            .load();
    assertThat(p.problems()).hasSize(1);
    ProjectProblem problem = p.problems().get(0);
    assertThat(problem.file()).isEqualTo(Path.of("models/schema.yml"));
    assertThat(problem.line()).isGreaterThanOrEqualTo(3);
    assertThat(problem.toString()).startsWith("models/schema.yml:");
  }

  @Test
  void twoNodesWithOneNameAreFlagged() {
    Project p =
        ProjectFolder.sluice(dir, "x")
            .file("models/a/orders.sql", "select 1")
            .file("models/b/orders.sql", "select 2")
            .load();
    assertThat(p.hasErrors()).isTrue();
    assertThat(p.problems().get(0).message())
        .contains("'orders' is already used by models/a/orders.sql");
  }

  @Test
  void missingProjectFileSaysWhatIsExpected() {
    Project p = new ProjectLoader().load(dir);
    assertThat(p.problems().get(0).message()).contains("no sluice.yml or dbt_project.yml");
  }

  @Test
  void dbtProjectReadsTargetFromProfiles() {
    Project p =
        new ProjectFolder(dir)
            .file("dbt_project.yml", "name: jaffle\nprofile: jaffle\nmodel-paths: [models]\n")
            .file(
                "profiles.yml",
                "jaffle:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: jaffle.duckdb\n      threads: 3\n")
            .file("models/a.sql", "select 1")
            .load();
    Target t = p.settings().target(null);
    assertThat(t.path())
        .isEqualTo(dir.resolve("jaffle.duckdb").toAbsolutePath().normalize().toString());
    assertThat(t.threads()).isEqualTo(3);
    assertThat(p.settings().isDbtProject()).isTrue();
  }
}

package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.cli.Main;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Project;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyEditsTest {
  private static final String SCHEMA =
      """
      # Staging models: one per raw table.
      models:
        - name: orders
          description: One row per order.
          columns:
            - name: order_id
              data_tests: [not_null, unique]   # keys
            - name: status
              data_tests:
                - accepted_values:
                    values: [placed, 'NO']  # quoted: YAML reads a bare NO as false
        - name: customers
          config:
            materialized: view
      """;

  @TempDir Path dir;
  ProjectFolder f;

  @BeforeEach
  void project() {
    f =
        ProjectFolder.sluice(dir, "p")
            .file(
                "models/staging/orders.sql",
                "select 1 as order_id, 'placed' as status, 1 as customer_id")
            .file("models/staging/customers.sql", "select 1 as customer_id")
            .file("models/staging/schema.yml", SCHEMA)
            .file(
                "models/marts/report.sql",
                "{{ config(materialized='view', tags=['x']) }}\nselect * from {{ ref('orders') }}\n");
  }

  private String schema() throws Exception {
    return Files.readString(dir.resolve("models/staging/schema.yml"));
  }

  private Model model(String name) {
    Project p = f.load();
    assertThat(p.problems()).isEmpty();
    return (Model) p.node("model." + name).orElseThrow();
  }

  @Test
  void describingAModelChangesOnlyItsLineAndKeepsComments() throws Exception {
    ProjectEdit e = PropertyEdits.setDescription(f.load(), "orders", "Every order, once.");
    e.apply();
    assertThat(schema()).isEqualTo(SCHEMA.replace("One row per order.", "Every order, once."));
    assertThat(model("orders").description()).isEqualTo("Every order, once.");
    e.revert();
    assertThat(schema()).isEqualTo(SCHEMA);
  }

  @Test
  void materializationGoesIntoTheSchemaConfigUnlessTheSqlSetsIt() throws Exception {
    PropertyEdits.setMaterialization(f.load(), "orders", "table").apply();
    assertThat(schema())
        .isEqualTo(
            SCHEMA.replace(
                "  - name: customers",
                "    config:\n      materialized: table\n  - name: customers"));
    assertThat(model("orders").config().materialized("view")).isEqualTo("table");

    PropertyEdits.setMaterialization(f.load(), "customers", "incremental").apply();
    assertThat(schema())
        .endsWith("  - name: customers\n    config:\n      materialized: incremental\n");

    PropertyEdits.setMaterialization(f.load(), "report", "table").apply();
    assertThat(Files.readString(dir.resolve("models/marts/report.sql")))
        .startsWith("{{ config(materialized='table', tags=['x']) }}");
    assertThat(dir.resolve("models/marts/_schema.yml")).doesNotExist();
    assertThat(
            Manifest.of(f.load()).node("model.report").orElseThrow().config().materialized("view"))
        .isEqualTo("table");

    assertThatThrownBy(() -> PropertyEdits.setMaterialization(f.load(), "report", "table"))
        .isInstanceOf(EditRefusedException.class)
        .hasMessageContaining("nothing to change");
    assertThatThrownBy(() -> PropertyEdits.setMaterialization(f.load(), "report", "cube"))
        .hasMessageContaining("not a materialization");
  }

  @Test
  void aModelNoSchemaFileDescribesGetsASchemaFileInItsFolder() throws Exception {
    ProjectEdit e = PropertyEdits.setDescription(f.load(), "report", "The daily report.");
    e.apply();
    assertThat(Files.readString(dir.resolve("models/marts/_schema.yml")))
        .isEqualTo("models:\n  - name: report\n    description: The daily report.\n");
    assertThat(model("report").description()).isEqualTo("The daily report.");
    e.revert();
    assertThat(dir.resolve("models/marts/_schema.yml")).doesNotExist();
  }

  @Test
  void tagsAreSetUnderConfigAndRemovedWithItWhenEmpty() throws Exception {
    PropertyEdits.setTags(f.load(), "orders", List.of("daily", " finance ", "")).apply();
    assertThat(schema()).contains("    config:\n      tags: [daily, finance]\n");
    assertThat(model("orders").config().tags()).containsExactly("daily", "finance");

    PropertyEdits.setTags(f.load(), "customers", List.of("core")).apply();
    assertThat(schema()).endsWith("    config:\n      materialized: view\n      tags: [core]\n");

    PropertyEdits.setTags(f.load(), "orders", List.of()).apply();
    PropertyEdits.setTags(f.load(), "customers", List.of()).apply();
    assertThat(schema()).isEqualTo(SCHEMA);
  }

  @Test
  void columnTestsAreAddedToFlowListsBlockListsAndNewColumns() throws Exception {
    PropertyEdits.addColumnTest(
            f.load(), "orders", "order_id", ColumnTest.relationships("customers", "customer_id"))
        .apply();
    PropertyEdits.addColumnTest(f.load(), "orders", "status", ColumnTest.notNull()).apply();
    PropertyEdits.addColumnTest(
            f.load(), "orders", "customer_id", ColumnTest.acceptedValues(List.of("1", "yes")))
        .apply();
    assertThat(schema())
        .isEqualTo(
            """
        # Staging models: one per raw table.
        models:
          - name: orders
            description: One row per order.
            columns:
              - name: order_id
                data_tests:   # keys
                  - not_null
                  - unique
                  - relationships:
                      to: ref('customers')
                      field: customer_id
              - name: status
                data_tests:
                  - accepted_values:
                      values: [placed, 'NO']  # quoted: YAML reads a bare NO as false
                  - not_null
              - name: customer_id
                data_tests:
                  - accepted_values:
                      values: ['1', 'yes']
          - name: customers
            config:
              materialized: view
        """);

    Manifest m = Manifest.of(f.load());
    assertThat(m.problems()).isEmpty();
    assertThat(m.testsOf("model.orders"))
        .extracting(t -> ((GenericTest) t).testName() + "@" + ((GenericTest) t).columnName())
        .containsExactlyInAnyOrder(
            "not_null@order_id",
            "unique@order_id",
            "relationships@order_id",
            "accepted_values@status",
            "not_null@status",
            "accepted_values@customer_id");
    assertThat(
            m.dag()
                .parents(
                    m.testsOf("model.orders").stream()
                        .filter(t -> ((GenericTest) t).testName().equals("relationships"))
                        .findFirst()
                        .orElseThrow()
                        .uniqueId()))
        .contains("model.customers");

    assertThatThrownBy(
            () -> PropertyEdits.addColumnTest(f.load(), "orders", "status", ColumnTest.notNull()))
        .hasMessageContaining("already has");
  }

  @Test
  void aSimpleTestOnANewColumnIsWrittenAsAOneLineList() throws Exception {
    PropertyEdits.addColumnTest(f.load(), "customers", "customer_id", ColumnTest.unique()).apply();
    assertThat(schema())
        .endsWith(
            """
          - name: customers
            config:
              materialized: view
            columns:
              - name: customer_id
                data_tests: [unique]
        """);
  }

  @Test
  void removingTestsTakesOutTheItemAndAnEmptyListKey() throws Exception {
    Project p = f.load();
    String unique = testId(p, "unique", "order_id");
    PropertyEdits.removeTest(p, unique).apply();
    assertThat(schema())
        .contains("      - name: order_id\n        data_tests: [not_null]   # keys\n");

    p = f.load();
    PropertyEdits.removeTest(p, testId(p, "not_null", "order_id")).apply();
    assertThat(schema()).contains("      - name: order_id\n      - name: status\n");

    p = f.load();
    PropertyEdits.removeTest(p, testId(p, "accepted_values", "status")).apply();
    assertThat(schema()).contains("      - name: status\n  - name: customers\n");
    assertThat(schema()).startsWith("# Staging models");
    assertThat(Manifest.of(f.load()).testsOf("model.orders")).isEmpty();
  }

  @Test
  void tagsTheProjectFileGivesTheFolderAreNotRepeatedInTheSchemaFile() throws Exception {
    f.file("sluice.yml", "name: p\nmodels:\n  staging:\n    +tags: [staging]\n");
    PropertyEdits.setTags(f.load(), "orders", List.of("staging", "finance")).apply();
    assertThat(schema()).contains("    config:\n      tags: [finance]\n");
    assertThat(model("orders").config().tags()).containsExactly("staging", "finance");
  }

  @Test
  void columnDescriptionsAreWrittenUnderTheColumn() throws Exception {
    PropertyEdits.setColumnDescription(f.load(), "orders", "status", "Where the order is.").apply();
    assertThat(schema())
        .contains(
            "      - name: status\n        description: Where the order is.\n        data_tests:\n");
    assertThat(model("orders").columns())
        .filteredOn(c -> c.name().equals("status"))
        .extracting(c -> c.description())
        .containsExactly("Where the order is.");
  }

  @Test
  void theSampleStillBuildsAfterPropertyEdits() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Project p = new dev.sluice.core.project.ProjectLoader(java.util.Map.of()).load(shop);
    PropertyEdits.setMaterialization(p, "stg_orders", "table").apply();
    p = new dev.sluice.core.project.ProjectLoader(java.util.Map.of()).load(shop);
    PropertyEdits.addColumnTest(
            p, "stg_orders", "order_id", ColumnTest.relationships("stg_order_items", "order_id"))
        .apply();
    p = new dev.sluice.core.project.ProjectLoader(java.util.Map.of()).load(shop);
    PropertyEdits.setDescription(p, "stg_products", "Products, cleaned.\nOne row each.").apply();
    assertThat(Files.readString(shop.resolve("models/staging/schema.yml")))
        .contains("# quoted: YAML reads a bare NO as false");

    StringWriter out = new StringWriter();
    int code =
        Main.execute(
            new String[] {"build", "--project", shop.toString()},
            new PrintWriter(out),
            new PrintWriter(out));
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("relationships_stg_orders_order_id");
    try (DuckDbWarehouse w = DuckDbWarehouse.open(shop.resolve("target/shop.duckdb").toString())) {
      assertThat(
              Tables.rows(
                  w,
                  "select table_type from information_schema.tables where table_name = 'stg_orders'"))
          .extracting(r -> r.get("table_type"))
          .containsExactly("BASE TABLE");
    }
  }

  private static String testId(Project p, String testName, String column) {
    return p.nodesOf(GenericTest.class).stream()
        .filter(t -> t.testName().equals(testName) && column.equals(t.columnName()))
        .findFirst()
        .orElseThrow()
        .uniqueId();
  }
}

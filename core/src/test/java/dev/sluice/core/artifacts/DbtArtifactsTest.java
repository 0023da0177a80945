package dev.sluice.core.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.cli.Main;
import dev.sluice.core.testing.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifacts a build of the shop sample leaves follow dbt's published schemas. */
class DbtArtifactsTest {
  @TempDir Path dir;

  private int sluice(String... args) {
    StringWriter o = new StringWriter();
    return Main.execute(args, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true));
  }

  @Test
  void aBuildWritesAManifestAndRunResultsThatDbtsSchemasAccept() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    assertThat(DbtSchemas.problems("manifest-v12.json", shop.resolve("target/manifest.json")))
        .isEmpty();
    assertThat(DbtSchemas.problems("run-results-v6.json", shop.resolve("target/run_results.json")))
        .isEmpty();
    JsonNode results = DbtSchemas.read(shop.resolve("target/run_results.json"));
    assertThat(results.path("results").size()).isEqualTo(32);
    JsonNode customers = null;
    for (JsonNode r : results.path("results")) {
      if (r.path("unique_id").asText().equals("model.shop.customers")) {
        customers = r;
      }
    }
    assertThat(customers).isNotNull();
    assertThat(customers.path("status").asText()).isEqualTo("success");
    assertThat(customers.path("adapter_response").path("rows_affected").asLong()).isPositive();
    assertThat(customers.path("compiled_code").asText()).contains("customer_orders");
  }

  @Test
  void docsGenerateWritesACatalogWithTheWarehouseTypes() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    assertThat(
            sluice(
                "docs",
                "generate",
                "--project",
                shop.toString(),
                "--out",
                dir.resolve("site").toString()))
        .isZero();
    Path catalog = shop.resolve("target/catalog.json");
    assertThat(DbtSchemas.problems("catalog-v1.json", catalog)).isEmpty();
    JsonNode customers = DbtSchemas.read(catalog).path("nodes").path("model.shop.customers");
    assertThat(customers.path("metadata").path("type").asText()).isEqualTo("BASE TABLE");
    assertThat(customers.path("columns").path("lifetime_value").path("type").asText())
        .isEqualTo("DOUBLE");
    assertThat(customers.path("columns").path("customer_id").path("index").asInt()).isEqualTo(1);
    assertThat(dir.resolve("site/index.html")).isRegularFile();
  }

  @Test
  void parsingAloneWritesAValidManifest() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("parse", "--project", shop.toString())).isZero();
    assertThat(DbtSchemas.problems("manifest-v12.json", shop.resolve("target/manifest.json")))
        .isEmpty();
    assertThat(shop.resolve("target/shop.duckdb")).doesNotExist();
  }

  /**
   * dagster-dbt builds its assets from the manifest: it reads nodes and sources by unique id, the
   * resource type, fqn, config (materialized, tags, meta), depends_on.nodes, the checksum as the
   * code version, test_metadata and attached_node for tests, and the child map for the graph.
   */
  @Test
  void theManifestHasWhatDagsterDbtReads() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("parse", "--project", shop.toString())).isZero();
    JsonNode m = DbtSchemas.read(shop.resolve("target/manifest.json"));
    assertThat(m.path("metadata").path("project_name").asText()).isEqualTo("shop");
    assertThat(m.path("metadata").path("adapter_type").asText()).isEqualTo("duckdb");
    JsonNode customers = m.path("nodes").path("model.shop.customers");
    assertThat(customers.path("unique_id").asText()).isEqualTo("model.shop.customers");
    assertThat(customers.path("resource_type").asText()).isEqualTo("model");
    assertThat(customers.path("name").asText()).isEqualTo("customers");
    assertThat(texts(customers.path("fqn"))).containsExactly("shop", "marts", "customers");
    assertThat(customers.path("config").path("materialized").asText()).isEqualTo("table");
    assertThat(texts(customers.path("config").path("tags"))).contains("marts");
    assertThat(customers.path("config").path("meta").isObject()).isTrue();
    assertThat(texts(customers.path("depends_on").path("nodes")))
        .containsExactlyInAnyOrder("model.shop.orders", "model.shop.stg_customers");
    assertThat(customers.path("checksum").path("checksum").asText()).hasSize(64);
    assertThat(customers.path("original_file_path").asText())
        .isEqualTo("models/marts/customers.sql");
    assertThat(customers.path("relation_name").asText())
        .isEqualTo("\"shop\".\"main\".\"customers\"");
    assertThat(customers.path("columns").path("customer_id").path("name").asText())
        .isEqualTo("customer_id");
    assertThat(texts(m.path("child_map").path("model.shop.orders")))
        .contains("model.shop.customers");
    assertThat(texts(m.path("parent_map").path("model.shop.customers")))
        .contains("model.shop.orders");
    JsonNode seed = m.path("nodes").path("seed.shop.raw_orders");
    assertThat(seed.path("resource_type").asText()).isEqualTo("seed");
    JsonNode test = null;
    for (JsonNode n : m.path("nodes")) {
      if (n.path("resource_type").asText().equals("test") && n.has("test_metadata")) {
        test = n;
        break;
      }
    }
    assertThat(test).isNotNull();
    assertThat(test.path("test_metadata").path("name").asText()).isNotBlank();
    assertThat(test.path("attached_node").asText()).startsWith("model.shop.");
    assertThat(texts(test.path("depends_on").path("nodes")))
        .contains(test.path("attached_node").asText());
    for (JsonNode id : m.path("nodes")) {
      assertThat(m.path("child_map").has(id.path("unique_id").asText())).isTrue();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}

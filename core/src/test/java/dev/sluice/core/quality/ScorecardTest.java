package dev.sluice.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard's numbers on a fixture with a known count of nulls, duplicates and orphans. */
class ScorecardTest {
  @TempDir Path dir;

  /** 10 customers: 2 without e-mail, id 9 twice. 20 orders: 4 of customers that do not exist. */
  static ProjectFolder fixture(Path dir) {
    StringBuilder customers = new StringBuilder("id,email\n");
    for (int i = 1; i <= 9; i++) {
      customers.append(i).append(',').append(i <= 2 ? "" : "c" + i + "@x.com").append('\n');
    }
    customers.append("9,dup@x.com\n");
    StringBuilder orders = new StringBuilder("order_id,customer_id,status\n");
    for (int i = 1; i <= 20; i++) {
      orders
          .append(i)
          .append(',')
          .append(i <= 4 ? 100 + i : 1 + i % 9)
          .append(',')
          .append(i % 2 == 0 ? "shipped" : "placed")
          .append('\n');
    }
    return ProjectFolder.sluice(dir, "card")
        .file("seeds/customers.csv", customers.toString())
        .file("seeds/orders.csv", orders.toString())
        .file(
            "seeds/schema.yml",
            """
            seeds:
              - name: customers
                columns:
                  - name: id
                    tests: [unique]
                  - name: email
                    tests: [not_null]
              - name: orders
                columns:
                  - name: order_id
                    tests: [not_null, unique]
                  - name: customer_id
                    tests:
                      - relationships: {to: ref('customers'), field: id}
                  - name: status
                    tests:
                      - accepted_values: {values: [placed, shipped]}
            """);
  }

  static Scorecard build(Path root) {
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      return Scorecard.of(
          new QualityHistory(p.warehouse()).checkResults(100), QualitySettings.read(root));
    }
  }

  @Test
  void scoresFollowTheShareOfFailingRowsPerCategoryAndTable() throws Exception {
    Scorecard card = build(fixture(dir).root());
    Map<String, Scorecard.TableScore> t = new HashMap<>();
    card.tables().forEach(x -> t.put(x.name(), x));
    Scorecard.TableScore customers = t.get("customers");
    assertThat(customers.categories())
        .containsEntry(Category.COMPLETENESS, 80.0) // 2 of 10 e-mails missing
        .containsEntry(Category.UNIQUENESS, 90.0) // one duplicated id among 10 rows
        .hasSize(2);
    assertThat(customers.overall()).isEqualTo(85.0);
    assertThat(customers.grade()).isEqualTo("fair");
    Scorecard.TableScore orders = t.get("orders");
    assertThat(orders.categories())
        .containsEntry(Category.CONSISTENCY, 80.0) // 4 of 20 orders orphaned
        .containsEntry(Category.VALIDITY, 100.0)
        .containsEntry(Category.COMPLETENESS, 100.0)
        .containsEntry(Category.UNIQUENESS, 100.0);
    assertThat(orders.overall()).isEqualTo(95.0);
    assertThat(card.overall()).isEqualTo(90.0);
    assertThat(card.grade()).isEqualTo("good");
    assertThat(card.tables().get(0).name()).as("worst first").isEqualTo("customers");
    assertThat(customers.failing()).hasSize(2);
    assertThat(orders.failing().get(0).result().sample()).hasSize(4);

    JsonNode json = new ObjectMapper().readTree(ScorecardJson.render("card", card));
    assertThat(json.get("overall").asDouble()).isEqualTo(90.0);
    assertThat(json.at("/tables/0/categories/completeness").asDouble()).isEqualTo(80.0);
    String text = ScorecardText.render("card", card);
    assertThat(text).contains("customers").contains("85 fair").contains("Overall: 90 (good)");
  }

  @Test
  void weightsAndThresholdsFromTheProjectFileChangeTheScore() {
    ProjectFolder f = fixture(dir);
    f.file(
        "sluice.yml",
        """
        name: card
        quality:
          weights: {completeness: 3}
          thresholds: {good: 99, fair: 86}
        """);
    Scorecard card = build(f.root());
    Scorecard.TableScore customers =
        card.tables().stream().filter(x -> x.name().equals("customers")).findFirst().orElseThrow();
    assertThat(customers.overall()).isEqualTo((3 * 80.0 + 90.0) / 4);
    assertThat(customers.grade()).isEqualTo("poor");
  }

  @Test
  void theTrendHasOnePointPerRunAndHistoryKeepsOnlyTheNewestRuns() {
    ProjectFolder f = fixture(dir);
    f.file("sluice.yml", "name: card\nquality: {keep_runs: 3}\n");
    for (int i = 0; i < 5; i++) {
      build(f.root());
    }
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      QualityHistory h = new QualityHistory(p.warehouse());
      Scorecard card = Scorecard.of(h.checkResults(100), QualitySettings.read(f.root()));
      assertThat(card.trend()).hasSize(3);
      assertThat(card.tables().get(0).trend()).hasSize(3);
      assertThat(h.metric("seed.customers", "row_count", null, 100))
          .containsExactly(10.0, 10.0, 10.0);
      assertThat(h.metric("seed.customers", "null_share", "email", 100)).containsOnly(0.2);
    }
  }
}

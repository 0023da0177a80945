package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.testing.CliTestBase;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice quality} and {@code sluice profile} as a user types them. */
class QualityCliTest extends CliTestBase {
  @TempDir Path dir;

  @Test
  void qualityBeforeAnyRunSaysWhatToDoAndAfterABuildScoresEveryTestedTable() throws Exception {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("quality", "--project", shop.toString())).isZero();
    assertThat(out).contains("No check results yet").contains("sluice build");
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    assertThat(sluice("quality", "--project", shop.toString())).isZero();
    assertThat(out)
        .contains("Quality scorecard for shop")
        .contains("orders")
        .contains("Overall: 100 (good)");
    assertThat(sluice("quality", "--project", shop.toString(), "--format", "json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out);
    assertThat(json.get("overall").asDouble()).isEqualTo(100.0);
    assertThat(json.get("tables").size()).isGreaterThan(3);
    assertThat(sluice("quality", "--project", shop.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(err).contains("--format must be text or json");
  }

  @Test
  void profilePrintsEachColumnsNullsDistinctRangeAndChart() {
    Path shop = Samples.copy("shop", dir);
    assertThat(sluice("build", "--project", shop.toString())).isZero();
    assertThat(sluice("profile", "--project", shop.toString(), "--select", "customers")).isZero();
    assertThat(out)
        .contains("customers: 120 rows")
        .containsPattern("customer_id\\s+BIGINT\\s+0\\.0%")
        .contains("top: ");
    assertThat(sluice("profile", "--project", shop.toString(), "--select", "tag:marts"))
        .isEqualTo(2);
    assertThat(err).contains("profile needs exactly one node");
  }
}

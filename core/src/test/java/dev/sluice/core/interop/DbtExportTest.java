package dev.sluice.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtExportTest {
  @TempDir Path dir;

  private Map<String, String> buildAndFingerprint(Path project) {
    try (Pipeline p = Pipeline.open(project, PipelineOptions.defaults().withEnv(Map.of()))) {
      assertThat(p.run(Command.BUILD, null, null, 2, false, RunListener.NONE).exitCode()).isZero();
      Map<String, String> print = new java.util.TreeMap<>(Tables.fingerprint(p.warehouse()));
      print.remove("main.customers_snapshot (TABLE)"); // stamped with the time it ran
      return print;
    }
  }

  @Test
  void exportedDbtProjectBuildsTheSameTables() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    Path exported = dir.resolve("shop_dbt");
    DbtExport.write(new ProjectLoader().load(shop), exported);
    assertThat(exported.resolve("dbt_project.yml"))
        .content()
        .contains("profile: shop")
        .contains("materialized\": table");
    assertThat(exported.resolve("profiles.yml"))
        .content()
        .contains("type: duckdb")
        .contains("path: target/shop.duckdb");
    // dbt writes no files, so the sample's export becomes an exposure of the model it reads
    assertThat(exported.resolve("models/_exports_exposures.yml"))
        .content()
        .contains("name: daily_revenue_csv")
        .contains("depends_on:\n  - ref('daily_revenue')");
    assertThat(new ProjectLoader(Map.of()).load(exported).settings().isDbtProject()).isTrue();
    assertThat(buildAndFingerprint(exported)).isEqualTo(buildAndFingerprint(shop));
  }
}

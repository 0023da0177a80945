package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagesSampleTest {
  @TempDir Path dir;

  /** Installs the sample's packages as a user does with {@code sluice deps}. */
  private static void install(Path project) throws Exception {
    dev.sluice.core.deps.Deps.install(
        project, new dev.sluice.core.deps.Deps.Options(false, false, null), line -> {});
  }

  @Test
  void projectUsingALocalPackageBuildsWithItsDispatchedMacrosVarsAndGenericTest() throws Exception {
    Path project = Samples.copy("dbt_packages", dir);
    install(project);
    try (Pipeline p = Pipeline.open(project, PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 2, false, RunListener.NONE);
      assertThat(s.results())
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .as(r.nodeId() + ": " + r.message())
                      .isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
      assertThat(s.results()).hasSize(6);
      assertThat(s.results().stream().map(NodeResult::nodeId))
          .contains(
              "test.tidy_is_positive_monthly_payments_amount",
              "unit_test.monthly_payments.groups_payments_by_month_and_method");
      var rows =
          Tables.rows(
              p.warehouse(),
              "select method_currency, amount from main.monthly_payments"
                  + " where month = date '2024-01-01' order by 1");
      // the project's var overrides the package's default currency (USD)
      assertThat(rows.get(0).get("method_currency")).isEqualTo("card/EUR");
      assertThat(((Number) rows.get(0).get("amount")).doubleValue()).isEqualTo(62.49);
      // the project's pre- and post-hooks ran around the model
      assertThat(Tables.rows(p.warehouse(), "select model_name from main.build_log"))
          .extracting(r -> r.get("model_name"))
          .containsExactly("monthly_payments");
      // and on-run-start and on-run-end around the whole run
      assertThat(Tables.rows(p.warehouse(), "select event from main.run_log order by logged_at"))
          .extracting(r -> r.get("event"))
          .containsExactly("start", "end");
    }
    // the project's duckdb__cents_to_amount wins over the package's, by its dispatch order
    assertThat(project.resolve("target/compiled/shop_with_packages/models/monthly_payments.sql"))
        .content()
        .contains("decimal(18, 2)")
        .contains("date_trunc('month', paid_at)");
  }

  @Test
  void aPackageTestIsSkippedWithAWarningWhenThePackageIsNotInstalled() {
    Path project = Samples.copy("dbt_packages", dir);
    var loaded = new dev.sluice.core.project.ProjectLoader(java.util.Map.of()).load(project);
    assertThat(loaded.problems())
        .anySatisfy(
            pr -> assertThat(pr.message()).contains("tidy.is_positive").contains("not installed"));
  }
}

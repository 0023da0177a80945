package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.List;
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
      assertThat(s.results()).hasSize(11);
      List<String> ran = s.results().stream().map(NodeResult::nodeId).toList();
      assertThat(ran)
          .contains(
              "test.tidy_is_positive_monthly_payments_amount",
              "unit_test.monthly_payments.groups_payments_by_month_and_method",
              // the package's own seed, model and the tests of its schema file are the project's
              "seed.tidy_exchange_rates",
              "model.tidy_currencies",
              "test.unique_tidy_currencies_currency");
      // as dbt builds: the unit test runs before its model
      assertThat(ran.indexOf("unit_test.monthly_payments.groups_payments_by_month_and_method"))
          .isLessThan(ran.indexOf("model.monthly_payments"));
      // the package's +schema puts its nodes in their own schema; the project's
      // `models: tidy: +materialized: table` wins over the package's `view`
      assertThat(
              Tables.rows(
                  p.warehouse(),
                  "select table_name, table_type from information_schema.tables"
                      + " where table_schema = 'main_tidy' order by 1"))
          .extracting(r -> r.get("table_name") + ":" + r.get("table_type"))
          .containsExactly("tidy_currencies:BASE TABLE", "tidy_exchange_rates:BASE TABLE");
      // a project model reads the package's by ref('tidy', 'tidy_currencies')
      var byCurrency =
          Tables.rows(
              p.warehouse(),
              "select currency, amount from main.payments_by_currency"
                  + " where month = date '2024-01-01' order by currency");
      assertThat(byCurrency)
          .extracting(r -> r.get("currency"))
          .containsExactly("EUR", "GBP", "USD");
      double january =
          ((Number)
                  Tables.rows(
                          p.warehouse(),
                          "select sum(amount) as a from main.monthly_payments"
                              + " where month = date '2024-01-01'")
                      .get(0)
                      .get("a"))
              .doubleValue();
      assertThat(((Number) byCurrency.get(0).get("amount")).doubleValue())
          .isCloseTo(january, org.assertj.core.data.Offset.offset(0.001));
      assertThat(((Number) byCurrency.get(2).get("amount")).doubleValue())
          .isCloseTo(january * 1.08, org.assertj.core.data.Offset.offset(0.006));
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
          .containsExactlyInAnyOrder("monthly_payments", "payments_by_currency");
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
  void aFailingUnitTestSkipsItsModelAndWhatReadsIt() throws Exception {
    Path project = Samples.copy("dbt_packages", dir);
    Path schema = project.resolve("models/schema.yml");
    java.nio.file.Files.writeString(
        schema, java.nio.file.Files.readString(schema).replace("amount: 12.50}", "amount: 12.51}"));
    install(project);
    try (Pipeline p = Pipeline.open(project, PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 2, false, RunListener.NONE);
      java.util.Map<String, NodeStatus> status = new java.util.HashMap<>();
      s.results().forEach(r -> status.put(r.nodeId(), r.status()));
      assertThat(status)
          .containsEntry(
              "unit_test.monthly_payments.groups_payments_by_month_and_method", NodeStatus.FAIL)
          .containsEntry("model.monthly_payments", NodeStatus.SKIPPED)
          .containsEntry("model.payments_by_currency", NodeStatus.SKIPPED)
          // the package's nodes do not read the model, so they are built
          .containsEntry("model.tidy_currencies", NodeStatus.SUCCESS);
    }
  }

  @Test
  void lsListsThePackagesNodesByPackageAndTheUnitTests() throws Exception {
    Path project = Samples.copy("dbt_packages", dir);
    install(project);
    var loaded = new dev.sluice.core.project.ProjectLoader(java.util.Map.of()).load(project);
    var manifest = dev.sluice.core.parse.Manifest.of(loaded);
    assertThat(dev.sluice.core.plan.Selector.select(manifest, "package:tidy", null))
        .containsExactlyInAnyOrder(
            "seed.tidy_exchange_rates",
            "model.tidy_currencies",
            "test.unique_tidy_currencies_currency",
            "test.not_null_tidy_currencies_currency");
    assertThat(dev.sluice.core.plan.Selector.select(manifest, "resource_type:unit_test", null))
        .containsExactly("unit_test.monthly_payments.groups_payments_by_month_and_method");
    // `ls --select` brings a model's tests and unit tests along, as dbt's eager selection does
    java.io.StringWriter out = new java.io.StringWriter();
    int code =
        dev.sluice.core.cli.Main.execute(
            new String[] {
              "ls",
              "--project",
              project.toString(),
              "--select",
              "monthly_payments",
              "--output",
              "id"
            },
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(new java.io.StringWriter(), true));
    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .containsExactlyInAnyOrder(
            "model.monthly_payments",
            "test.not_null_monthly_payments_amount",
            "test.tidy_is_positive_monthly_payments_amount",
            "test.tidy_is_positive_monthly_payments_payments",
            "unit_test.monthly_payments.groups_payments_by_month_and_method");
    assertThat(loaded.packageOf(loaded.node("model.tidy_currencies").orElseThrow()))
        .isEqualTo("tidy");
    assertThat(loaded.packageOf(loaded.node("model.monthly_payments").orElseThrow()))
        .isEqualTo("shop_with_packages");
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

package dev.sluice.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of Sluice's own checks, once passing and once failing on purpose, on known rows. */
class ChecksTest {
  @TempDir Path dir;

  static final String PEOPLE =
      """
      id,email,name,age,team_id,signed_up
      1,a@x.com,Ann,30,1,2026-11-30
      2,bad-email,Bob,17,1,2026-11-29
      3,c@x.com,  ,45,2,2026-11-28
      4,,Dan,130,3,2026-11-27
      5,e@x.com,Eve,30,1,2026-11-26
      """;

  static final String CHECKS =
      """
      seeds:
        - name: people
          tests:
            - row_count: {name: rows_ok, min: 1, max: 5}
            - row_count: {name: rows_too_few, min: 6}
            - expression_is_true: {name: expr_ok, expression: "age > 0"}
            - expression_is_true: {name: expr_bad, expression: "age < 100"}
            - unique_combination_of_columns: {name: combo_ok, combination_of_columns: [id, age]}
            - unique_combination_of_columns: {name: combo_bad, combination_of_columns: [team_id, age]}
            - recency: {name: recent_ok, field: signed_up, datepart: day, interval: 100000}
            - recency: {name: recent_bad, field: signed_up, datepart: hour, interval: 1}
          columns:
            - name: age
              tests:
                - accepted_range: {name: range_ok, min_value: 0, max_value: 200}
                - accepted_range: {name: range_bad, min_value: 18, max_value: 120}
                - expression_is_true: {name: col_expr_bad, expression: "between 18 and 120"}
            - name: name
              tests:
                - not_empty_string: {name: name_filled_bad}
                - not_empty_string: {name: name_filled_ok, where: "id <> 3"}
            - name: email
              tests:
                - matches_pattern: {name: email_bad, pattern: email}
                - matches_pattern: {name: email_ok, pattern: email, where: "id <> 2"}
      """;

  private Map<String, NodeResult> build(ProjectFolder f) {
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      return s.results().stream().collect(Collectors.toMap(NodeResult::name, r -> r));
    }
  }

  @Test
  void eachCheckPassesOnGoodRowsAndFailsOnBadOnesWithTheRightCount() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("seeds/people.csv", PEOPLE)
            .file("seeds/schema.yml", CHECKS);
    Map<String, NodeResult> r = build(f);
    Map<String, Long> failing =
        Map.ofEntries(
            Map.entry("rows_too_few", 1L),
            Map.entry("expr_bad", 1L),
            Map.entry("combo_bad", 1L),
            Map.entry("recent_bad", 1L),
            Map.entry("range_bad", 2L),
            Map.entry("col_expr_bad", 2L),
            Map.entry("name_filled_bad", 1L),
            Map.entry("email_bad", 1L));
    for (String ok :
        new String[] {
          "rows_ok", "expr_ok", "combo_ok", "recent_ok", "range_ok", "name_filled_ok", "email_ok"
        }) {
      assertThat(r.get(ok).status()).as(ok + ": " + r.get(ok).message()).isEqualTo(NodeStatus.PASS);
    }
    failing.forEach(
        (name, n) -> {
          assertThat(r.get(name).status())
              .as(name + ": " + r.get(name).message())
              .isEqualTo(NodeStatus.FAIL);
          assertThat(r.get(name).rows()).as(name).isEqualTo(n);
        });
  }

  @Test
  void testConfigsJudgeCountAndKeepFailuresAsDbtDoes() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("seeds/people.csv", PEOPLE)
            .file(
                "seeds/schema.yml",
                """
                seeds:
                  - name: people
                    columns:
                      - name: age
                        tests:
                          - accepted_range: {name: warned, min_value: 18, severity: warn}
                          - accepted_range: {name: under_threshold, min_value: 40, warn_if: ">1", error_if: ">2"}
                          - accepted_range: {name: over_warn, min_value: 40, warn_if: ">1", error_if: ">10"}
                          - accepted_range: {name: limited, min_value: 40, limit: 2}
                          - accepted_range: {name: summed, min_value: 40, fail_calc: "sum(age)"}
                          - accepted_range: {name: kept, min_value: 40, store_failures: true}
                          - accepted_range: {name: kept_passing, min_value: 0, store_failures: true}
                """);
    Map<String, NodeResult> r = build(f);
    assertThat(r.get("warned").status()).isEqualTo(NodeStatus.WARN);
    assertThat(r.get("under_threshold").status())
        .as("3 ages under 40: > 2")
        .isEqualTo(NodeStatus.FAIL);
    assertThat(r.get("over_warn").status()).as("3: > 1, not > 10").isEqualTo(NodeStatus.WARN);
    assertThat(r.get("limited").rows()).isEqualTo(2);
    assertThat(r.get("summed").rows()).isEqualTo(30 + 17 + 30); // the ages under 40
    assertThat(r.get("kept").message()).contains("main_dbt_test__audit.kept");
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      assertThat(Tables.count(p.warehouse(), "main_dbt_test__audit.kept")).isEqualTo(3);
      assertThat(Tables.count(p.warehouse(), "main_dbt_test__audit.kept_passing")).isZero();
    }
  }

  @Test
  void aNonBlockingTestLetsDownstreamRunAndABlockingOneStopsIt() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("seeds/people.csv", PEOPLE)
            .file("models/adults.sql", "select * from {{ ref('people') }} where age >= 18")
            .file("models/ages.sql", "select age from {{ ref('adults') }}")
            .file(
                "seeds/schema.yml",
                """
                seeds:
                  - name: people
                    tests:
                      - row_count: {name: soft, min: 10, blocking: false}
                models:
                  - name: adults
                    tests:
                      - row_count: {name: hard, min: 10}
                """);
    Map<String, NodeResult> r = build(f);
    assertThat(r.get("soft").status()).isEqualTo(NodeStatus.FAIL);
    assertThat(r.get("adults").status()).isEqualTo(NodeStatus.SUCCESS);
    assertThat(r.get("hard").status()).isEqualTo(NodeStatus.FAIL);
    assertThat(r.get("ages").status()).isEqualTo(NodeStatus.SKIPPED);
  }

  @Test
  void aCheckWithoutItsArgumentIsRefusedWithTheCheckNamed() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("seeds/people.csv", PEOPLE)
            .file(
                "seeds/schema.yml",
                """
                seeds:
                  - name: people
                    tests:
                      - row_count: {name: no_bounds}
                """);
    Map<String, NodeResult> r = build(f);
    assertThat(r.get("no_bounds").status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.get("no_bounds").message()).contains("no_bounds").contains("row_count needs min");
  }

  @Test
  void aCheckNamingAMissingColumnStopsTheRunBeforeAnythingRunsNamingModelAndColumn() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "q")
            .file("seeds/people.csv", PEOPLE)
            .file("models/adults.sql", "select * from {{ ref('people') }} where age >= 18");
    build(f);
    f.file(
        "models/schema.yml",
        """
        models:
          - name: adults
            columns:
              - name: agee
                tests: [not_null]
        """);
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      assertThatThrownBy(() -> p.run(Command.BUILD, null, null, 1, false, RunListener.NONE))
          .isInstanceOf(ProjectException.class)
          .hasMessageContaining("model adults")
          .hasMessageContaining("'agee'")
          .hasMessageContaining("models/schema.yml");
      assertThat(p.history().runs(10)).as("nothing ran a second time").hasSize(1);
    }
    f.file(
        "seeds/schema.yml",
        """
        seeds:
          - name: people
            tests:
              - unique_combination_of_columns: {combination_of_columns: [id, team]}
        """);
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      assertThatThrownBy(() -> p.run(Command.TEST, null, null, 1, false, RunListener.NONE))
          .hasMessageContaining("seed people")
          .hasMessageContaining("'team'");
    }
  }
}

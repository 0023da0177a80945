package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryTest {
  @TempDir Path dir;

  /**
   * A model that fails until a warehouse sequence has been drawn {@code failures} times: sequences
   * outlive the rollback of a failed build, so each attempt moves it on.
   */
  private ProjectFolder flaky(String sluiceYml, int failures) {
    ProjectFolder f =
        new ProjectFolder(dir)
            .file("sluice.yml", "name: x\nmodels: {+materialized: table}\n" + sluiceYml)
            .file(
                "models/flaky.sql",
                "select case when nextval('attempts') <= "
                    + failures
                    + " then error('transient failure') else 1 end as ok")
            .file("models/after.sql", "select * from {{ ref('flaky') }}");
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      w.jdbi().useHandle(h -> h.execute("create sequence attempts"));
    }
    return f;
  }

  private static RunSummary build(Path root, RunListener listener) {
    try (Pipeline p = Pipeline.open(root, PipelineOptions.defaults())) {
      return p.run(Command.BUILD, null, null, 2, false, listener);
    }
  }

  @Test
  void modelThatFailsTwiceSucceedsOnItsThirdAttemptAndHistoryKeepsTheAttempts() {
    flaky("defaults: {retries: 2, retry_backoff: 10ms}\n", 2);
    List<RunEvent.NodeRetrying> retries = new CopyOnWriteArrayList<>();
    RunSummary s =
        build(
            dir,
            e -> {
              if (e instanceof RunEvent.NodeRetrying r) {
                retries.add(r);
              }
            });
    assertThat(s.failed()).isFalse();
    NodeResult flaky =
        s.results().stream().filter(r -> r.name().equals("flaky")).findFirst().orElseThrow();
    assertThat(flaky.attempts()).isEqualTo(3);
    assertThat(flaky.message()).endsWith("(attempt 3)");
    assertThat(retries).extracting(RunEvent.NodeRetrying::attempt).containsExactly(1, 2);
    assertThat(retries.get(0).message()).contains("transient failure");
    assertThat(retries.get(1).delay()).isEqualTo(retries.get(0).delay().multipliedBy(2));
    try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
      String runId = p.history().runs(1).get(0).runId();
      assertThat(p.history().nodes(runId))
          .filteredOn(r -> r.name().equals("flaky"))
          .extracting(NodeResult::attempts)
          .containsExactly(3);
    }
  }

  @Test
  void withoutRetriesTheFirstFailureSkipsDownstream() {
    flaky("", 1);
    RunSummary s = build(dir, RunListener.NONE);
    assertThat(s.failed()).isTrue();
    assertThat(s.results())
        .filteredOn(r -> r.name().equals("after"))
        .extracting(NodeResult::status)
        .containsExactly(NodeStatus.SKIPPED);
  }

  @Test
  void aNodesOwnConfigOverridesTheProjectDefault() {
    flaky("defaults: {retries: 0}\n", 1);
    new ProjectFolder(dir)
        .file(
            "models/flaky.sql",
            "{{ config(retries=1, retry_backoff='1ms') }}\n"
                + "select case when nextval('attempts') <= 1 then error('transient failure')"
                + " else 1 end as ok");
    RunSummary s = build(dir, RunListener.NONE);
    assertThat(s.failed()).isFalse();
  }

  @Test
  void aSlowModelIsCancelledAtItsTimeoutAndReportedAsTimedOut() {
    new ProjectFolder(dir)
        .file("sluice.yml", "name: x\nmodels: {+materialized: table}\ndefaults: {timeout: 300ms}\n")
        .file(
            "models/slow.sql",
            "select sum(a.range * b.range) as s from range(200000) a, range(200000) b");
    long t0 = System.nanoTime();
    RunSummary s = build(dir, RunListener.NONE);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    NodeResult slow = s.results().get(0);
    assertThat(slow.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(slow.message()).isEqualTo("timed out after 300ms and was cancelled");
    assertThat(ms).isLessThan(30_000);
  }

  @Test
  void aDefaultThatIsNotADurationNamesItsLine() {
    new ProjectFolder(dir)
        .file("sluice.yml", "name: x\ndefaults:\n  retries: 1\n  timeout: soon\n")
        .file("models/a.sql", "select 1 as a");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetryPolicy.read(dir))
        .hasMessageContaining("sluice.yml:4")
        .hasMessageContaining("defaults.timeout must be a duration");
  }
}

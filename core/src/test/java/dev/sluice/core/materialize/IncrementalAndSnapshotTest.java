package dev.sluice.core.materialize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalAndSnapshotTest {
  @TempDir Path dir;

  private RunSummary build(ProjectFolder f) {
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      assertThat(s.results())
          .allSatisfy(
              r ->
                  assertThat(r.status()).as(r.message()).isIn(NodeStatus.SUCCESS, NodeStatus.PASS));
      return s;
    }
  }

  private List<String> rows(ProjectFolder f, String sql) {
    try (Pipeline p = Pipeline.open(f.root(), PipelineOptions.defaults())) {
      return Tables.rows(p.warehouse(), sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  @Test
  void incrementalMergesOnUniqueKeyAndAddsNewColumnsWhenAsked() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "inc")
            .file("seeds/accounts.csv", "id,balance\n1,10\n2,20\n")
            .file(
                "models/balances.sql",
                """
            {{ config(materialized='incremental', unique_key='id', on_schema_change='append_new_columns') }}
            select id, balance from {{ ref('accounts') }}
            """);
    build(f);
    f.file("seeds/accounts.csv", "id,balance\n2,25\n3,30\n");
    build(f);
    assertThat(rows(f, "select id, balance from main.balances order by id"))
        .containsExactly("[1, 10]", "[2, 25]", "[3, 30]");
    f.file(
        "models/balances.sql",
        """
        {{ config(materialized='incremental', unique_key='id', on_schema_change='append_new_columns') }}
        select id, balance, 'eur' as currency from {{ ref('accounts') }}
        """);
    build(f);
    assertThat(rows(f, "select id, balance, currency from main.balances order by id"))
        .containsExactly("[1, 10, null]", "[2, 25, eur]", "[3, 30, eur]");
  }

  @Test
  void incrementalWithoutKeyAppendsOnlyWhatTheFilterLetsThrough() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "inc")
            .file("seeds/events.csv", "id,happened_at\n1,2026-01-01\n2,2026-01-02\n")
            .file(
                "models/event_log.sql",
                """
            {{ config(materialized='incremental') }}
            select id, happened_at from {{ ref('events') }}
            {% if is_incremental() %} where happened_at > (select max(happened_at) from {{ this }}) {% endif %}
            """);
    build(f);
    f.file("seeds/events.csv", "id,happened_at\n1,2026-01-01\n2,2026-01-02\n3,2026-01-03\n");
    build(f);
    build(f);
    assertThat(rows(f, "select id from main.event_log order by id"))
        .containsExactly("[1]", "[2]", "[3]");
  }

  @Test
  void snapshotKeepsEachVersionWithValidityDates() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "snap")
            .file(
                "seeds/plans.csv",
                "customer_id,plan,updated_at\n1,free,2026-01-01 00:00:00\n2,pro,2026-01-01 00:00:00\n")
            .file(
                "snapshots/plans_history.sql",
                """
            {% snapshot plans_history %}
            {{ config(unique_key='customer_id', strategy='timestamp', updated_at='updated_at', invalidate_hard_deletes=true) }}
            select * from {{ ref('plans') }}
            {% endsnapshot %}
            """);
    build(f);
    build(f); // nothing changed: nothing recorded
    f.file("seeds/plans.csv", "customer_id,plan,updated_at\n1,pro,2026-02-01 00:00:00\n");
    build(f);
    assertThat(
            rows(
                f,
                "select customer_id, plan, dbt_valid_from::date, dbt_valid_to::date is null from main.plans_history"
                    + " order by customer_id, dbt_valid_from"))
        .containsExactly(
            "[1, free, 2026-01-01, false]",
            "[1, pro, 2026-02-01, true]",
            "[2, pro, 2026-01-01, false]");
  }
}

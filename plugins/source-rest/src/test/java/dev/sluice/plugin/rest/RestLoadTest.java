package dev.sluice.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.load.ConnectorRegistry;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads from a local API that paginates, rate-limits and fails now and then. */
class RestLoadTest {
  @TempDir Path dir;
  FlakyApi api;
  ProjectFolder project;
  Map<String, String> env = Map.of("API_TOKEN", "it-token");

  @BeforeEach
  void start() throws IOException {
    api = new FlakyApi();
    api.order(1, "ann", "10.5", "2026-01-01T10:00:00");
    api.order(2, "bo", "20", "2026-01-01T11:00:00");
    api.order(3, "cy", "5.25", "2026-01-02T09:00:00");
    api.order(4, "di", "7", "2026-01-02T10:00:00");
    api.order(5, "ed", "1", "2026-01-02T11:00:00");
    api.order(6, "fa", "2", "2026-01-02T12:00:00");
    api.order(7, "gu", "3", "2026-01-02T13:00:00");
    project =
        ProjectFolder.sluice(dir, "restit")
            .file(
                "sources/api.yml",
                """
        sources:
          - name: api
            connector: rest
            schema: raw_api
            connection:
              base_url: %s
              headers: {Authorization: "Bearer ${env:API_TOKEN}"}
              backoff_ms: 1
              paginator: {type: page_number, page_size: 3, size_param: per_page}
              records_path: data
            tables:
              - name: orders
                primary_key: id
                cursor: updated_at
                incremental_param: updated_since
              - {name: by_cursor, records_path: data.items, paginator: {type: cursor, cursor_path: meta.next}}
              - {name: by_offset, paginator: {type: offset, limit: 3}}
              - {name: by_next_link, records_path: results, paginator: {type: next_link}}
              - {name: by_link_header, records_path: "", paginator: {type: link_header}}
              - {name: html, paginator: {type: none}}
          - name: down
            connector: rest
            connection: {base_url: "http://127.0.0.1:1/v1", max_retries: 1, backoff_ms: 1}
            tables: [{name: things}]
        """
                    .formatted(api.baseUrl()))
            .file(
                "models/big_spenders.sql",
                "select customer from {{ source('api', 'orders') }} where amount >= 10");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private List<NodeResult> run(Command command, String select) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(env))) {
      return p.run(command, select, null, 1, false, RunListener.NONE).results();
    }
  }

  private List<String> rows(String sql) {
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(env))) {
      return Tables.rows(p.warehouse(), sql).stream().map(r -> r.values().toString()).toList();
    }
  }

  @Test
  void theRestConnectorIsDiscovered() {
    assertThat(ConnectorRegistry.discover().find("rest")).get().isInstanceOf(RestConnector.class);
  }

  @Test
  void incrementalMergeThroughPagesRateLimitsAndErrorsThenANoOpRerun() {
    List<NodeResult> first = run(Command.BUILD, "source:api.orders+");
    assertThat(first)
        .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS));
    assertThat(api.requests.get()).as("three pages and a retried 429").isEqualTo(4);
    assertThat(rows("select id, customer, amount, updated_at from raw_api.orders order by id"))
        .containsExactly(
            "[1, ann, 10.5, 2026-01-01 10:00:00.0]",
            "[2, bo, 20.0, 2026-01-01 11:00:00.0]",
            "[3, cy, 5.25, 2026-01-02 09:00:00.0]",
            "[4, di, 7.0, 2026-01-02 10:00:00.0]",
            "[5, ed, 1.0, 2026-01-02 11:00:00.0]",
            "[6, fa, 2.0, 2026-01-02 12:00:00.0]",
            "[7, gu, 3.0, 2026-01-02 13:00:00.0]");
    assertThat(rows("select customer from big_spenders order by 1"))
        .containsExactly("[ann]", "[bo]");

    api.order(2, "bo", "25", "2026-01-03T08:00:00");
    api.order(8, "hi", "30", "2026-01-03T09:00:00");
    NodeResult second = run(Command.LOAD, "source:api.orders").get(0);
    assertThat(second.rows()).as(second.message()).isEqualTo(2);
    assertThat(rows("select id, amount from raw_api.orders where id in (2, 8) order by id"))
        .containsExactly("[2, 25.0]", "[8, 30.0]");
    assertThat(rows("select count(*) from raw_api.orders")).containsExactly("[8]");

    List<String> before = rows("select * from raw_api.orders order by id");
    NodeResult third = run(Command.LOAD, "source:api.orders").get(0);
    assertThat(third.rows()).isZero();
    assertThat(rows("select * from raw_api.orders order by id")).isEqualTo(before);
  }

  @Test
  void aPageThatKeepsFailingLoadsNothingAndTheRetryLoadsEveryRecordOnce() {
    api.brokenPage = 2;
    NodeResult failed = run(Command.LOAD, "source:api.orders").get(0);
    assertThat(failed.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(failed.message())
        .contains("source api.orders")
        .contains("returned 500")
        .contains("database is down")
        .contains("gave up after 6 attempts");
    assertThat(
            rows("select count(*) from information_schema.tables where table_schema = 'raw_api'"))
        .containsExactly("[0]");

    api.brokenPage = -1;
    NodeResult retry = run(Command.LOAD, "source:api.orders").get(0);
    assertThat(retry.rows()).as(retry.message()).isEqualTo(7);
    assertThat(rows("select count(*), count(distinct id) from raw_api.orders"))
        .containsExactly("[7, 7]");
    assertThat(rows("select status from _sluice.loads order by started_at"))
        .containsExactly("[failed]", "[success]");
  }

  @Test
  void everyPaginationStyleReadsEveryRecord() {
    for (String t : List.of("by_cursor", "by_offset", "by_next_link", "by_link_header")) {
      NodeResult r = run(Command.LOAD, "source:api." + t).get(0);
      assertThat(r.status()).as(t + ": " + r.message()).isEqualTo(NodeStatus.SUCCESS);
      assertThat(rows("select count(*), count(distinct id), min(id), max(id) from raw_api." + t))
          .as(t)
          .containsExactly("[7, 7, 1, 7]");
    }
  }

  @Test
  void htmlInsteadOfJsonIsRefusedNamingTheSource() {
    NodeResult r = run(Command.LOAD, "source:api.html").get(0);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message())
        .contains("source api.html")
        .contains("returned HTML, not JSON")
        .contains("Sign in");
  }

  @Test
  void aMissingTokenVariableIsNamed() {
    env = Map.of();
    NodeResult r = run(Command.LOAD, "source:api.orders").get(0);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message()).contains("source api").contains("API_TOKEN").contains("not set");
  }

  @Test
  void anUnreachableApiIsNamedAfterItsRetries() {
    NodeResult r = run(Command.LOAD, "source:down").get(0);
    assertThat(r.status()).isEqualTo(NodeStatus.ERROR);
    assertThat(r.message())
        .contains("source down.things: GET http://127.0.0.1:1/v1/things failed")
        .contains("gave up after 2 attempts");
  }
}

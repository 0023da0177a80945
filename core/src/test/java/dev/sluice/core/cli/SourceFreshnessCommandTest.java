package dev.sluice.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.testing.ProjectFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice source freshness} against tables whose newest rows are of known ages. */
class SourceFreshnessCommandTest {
  @TempDir Path dir;
  String out;
  ProjectFolder project;

  int sluice(String... args) {
    StringWriter o = new StringWriter();
    int code =
        Main.execute(args, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true));
    out = o.toString();
    return code;
  }

  @BeforeEach
  void tablesOfKnownAge() {
    project =
        ProjectFolder.sluice(dir, "f")
            .file(
                "models/sources.yml",
                """
                sources:
                  - name: raw
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 12, period: hour}
                      error_after: {count: 24, period: hour}
                    tables:
                      - name: fresh
                      - name: stale
                      - name: dead
                      - name: filtered
                        freshness:
                          warn_after: {count: 12, period: hour}
                          filter: "kind = 'old'"
                      - name: no_column
                      - name: unwatched
                        freshness: null
                """)
            .file("models/m.sql", "select * from {{ source('raw', 'fresh') }}");
    try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
      p.warehouse()
          .jdbi()
          .useHandle(
              h -> {
                h.execute("create schema raw");
                String now = "(now() at time zone 'UTC')";
                for (var e :
                    Map.of("fresh", 1, "stale", 13, "dead", 30, "unwatched", 99).entrySet()) {
                  h.execute(
                      "create table raw."
                          + e.getKey()
                          + " as select "
                          + now
                          + " - interval '"
                          + e.getValue()
                          + " hour' as loaded_at");
                }
                h.execute(
                    "create table raw.filtered as select * from (values ('new', "
                        + now
                        + "), ('old', "
                        + now
                        + " - interval '20 hour')) as t(kind, loaded_at)");
                h.execute("create table raw.no_column as select 1 as id");
              });
    }
  }

  @Test
  void eachTableIsJudgedAgainstItsThresholdsAsDbtDoes() throws Exception {
    int code = sluice("source", "freshness", "--project", dir.toString());
    assertThat(code).as(out).isEqualTo(1);
    assertThat(out)
        .contains("PASS freshness of raw.fresh")
        .contains("WARN freshness of raw.stale")
        .contains("ERROR freshness of raw.dead")
        .contains("WARN freshness of raw.filtered")
        .contains("source raw.no_column has no column 'loaded_at'")
        .doesNotContain("raw.unwatched");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("target/sources.json").toFile());
    Map<String, String> status = new HashMap<>();
    json.get("results")
        .forEach(r -> status.put(r.get("unique_id").asText(), r.get("status").asText()));
    assertThat(status)
        .containsEntry("source.raw.fresh", "pass")
        .containsEntry("source.raw.stale", "warn")
        .containsEntry("source.raw.dead", "error")
        .containsEntry("source.raw.filtered", "warn")
        .containsEntry("source.raw.no_column", "runtime error")
        .hasSize(5);
    JsonNode fresh = json.get("results").get(0);
    assertThat(fresh.get("max_loaded_at_time_ago_in_s").asDouble()).isBetween(3500.0, 3700.0);
    assertThat(fresh.at("/criteria/warn_after/count").asInt()).isEqualTo(12);
  }

  @Test
  void onlyWarningsExitZeroAndBuildReportsTheFreshnessOfWhatItBuilt() {
    assertThat(
            sluice(
                "source", "freshness", "--project", dir.toString(), "--select", "source:raw.stale"))
        .isZero();
    assertThat(out).contains("1 of 1 WARN freshness of raw.stale");
    assertThat(sluice("build", "--project", dir.toString(), "--select", "+m")).isZero();
    assertThat(out).contains("Source freshness:").contains("PASS freshness of raw.fresh");
  }
}

package dev.sluice.core.sqlassist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.Node;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.sqlassist.Diagnostic.Severity;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Places that need a project of their own: inlined ephemerals, unbuilt upstreams, a large table.
 */
class DiagnosticsPlacementTest {
  @TempDir static Path dir;
  static Pipeline pipeline;

  @BeforeAll
  static void buildSeedsOnly() {
    ProjectFolder.sluice(dir, "placement")
        .file("seeds/base.csv", "id,name\n1,a\n2,b\n")
        .file(
            "models/eph.sql",
            "{{ config(materialized='ephemeral') }}\nselect id,\n       nmae\nfrom {{ ref('base') }}\n")
        .file(
            "models/good_eph.sql",
            "{{ config(materialized='ephemeral') }}\nselect id, name from {{ ref('base') }}\n")
        .file("models/later.sql", "select id from {{ ref('base') }}\n")
        .file(
            "models/big.sql",
            "{{ config(materialized='table') }}\nselect range as id, md5(range::varchar) as h from range(5000000)\n")
        .file("models/uses.sql", "select id\nfrom {{ ref('eph') }}\n");
    try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, "base big", null, 1, false, RunListener.NONE).exitCode())
          .isZero();
    }
    pipeline = Pipeline.open(dir, PipelineOptions.defaults());
  }

  @AfterAll
  static void close() {
    pipeline.close();
  }

  private static Node model(String name) {
    return pipeline.manifest().node("model." + name).orElseThrow();
  }

  @Test
  void anErrorInsideAnInlinedEphemeralModelIsPlacedOnTheRefThatBringsItIn() {
    String text = "-- reads the ephemeral model\nselect id\nfrom {{ ref('eph') }}\n";
    assertThat(Diagnostics.check(pipeline, model("uses"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(text.substring(d.startOffset(), d.endOffset())).isEqualTo("ref('eph')");
              assertThat(d.message())
                  .startsWith("in ephemeral model eph, inlined here:")
                  .contains("nmae");
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
            });
  }

  @Test
  void anErrorAfterAnInlinedEphemeralIsPlacedInTheModelsOwnText() {
    String text =
        "with x as (\n    select id, name from {{ ref('good_eph') }}\n)\nselect id,\n       nope\nfrom x\n";
    assertThat(Diagnostics.check(pipeline, model("uses"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(5);
              assertThat(d.column()).isEqualTo(8);
              assertThat(text.substring(d.startOffset(), d.endOffset())).isEqualTo("nope");
            });
  }

  @Test
  void readingAModelThatIsNotBuiltYetIsAWarningNotAnError() {
    String text = "select id\nfrom {{ ref('later') }}\n";
    assertThat(Diagnostics.check(pipeline, model("uses"), text))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.message()).contains("model later is not built yet");
            });
  }

  @Test
  void checkingBindsTheQueryWithoutRunningIt() {
    // running it would raise the error for every row; binding only checks names and types
    String text =
        "select case when id >= 0 then error('the query ran') end as x, count(distinct h) over () as n\n"
            + "from {{ ref('big') }}\n";
    long start = System.nanoTime();
    assertThat(Diagnostics.check(pipeline, model("uses"), text)).isEmpty();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(ms).as("a check over five million rows must not scan them").isLessThan(2000);
  }

  @Test
  void aModelWithoutChangesChecksClean() {
    Node later = model("later");
    assertThat(Diagnostics.check(pipeline, later, Manifest.sqlOf(later))).isEmpty();
  }
}

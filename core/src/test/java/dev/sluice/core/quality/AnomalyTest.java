package dev.sluice.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anomaly checks against a generated history of daily runs. */
class AnomalyTest {
  @TempDir Path dir;

  private Map<String, NodeResult> day(Path root, int rows, int nulls) {
    PipelineOptions o = PipelineOptions.defaults().withVars(Map.of("rows", rows, "nulls", nulls));
    try (Pipeline p = Pipeline.open(root, o)) {
      return p.run(Command.BUILD, null, null, 1, false, RunListener.NONE).results().stream()
          .collect(Collectors.toMap(NodeResult::name, r -> r));
    }
  }

  @Test
  void aJumpInRowsOnDaySixFailsAndTheDaysBeforePassWithANote() {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "a")
            .file(
                "models/events.sql",
                "{{ config(materialized='table') }}\n"
                    + "select i as id, 10.0 as amount,"
                    + " case when i < {{ var('nulls') }} then null else 'x' end as tag"
                    + " from range({{ var('rows') }}) as t(i)")
            .file(
                "models/schema.yml",
                """
                models:
                  - name: events
                    tests:
                      - anomaly: {name: volume, metric: row_count, sigma: 3, min_history: 5}
                      - anomaly: {name: average, metric: "mean(amount)", min_history: 5}
                      - anomaly: {name: tag_nulls, metric: "null_share(tag)", sigma: 3, min_history: 5}
                """);
    int[] rows = {100, 102, 98, 101, 99};
    int[] nulls = {2, 3, 2, 3, 2};
    for (int d = 0; d < 5; d++) {
      Map<String, NodeResult> r = day(f.root(), rows[d], nulls[d]);
      for (String check : new String[] {"volume", "average", "tag_nulls"}) {
        assertThat(r.get(check).status())
            .as("day " + (d + 1) + " " + check + ": " + r.get(check).message())
            .isEqualTo(NodeStatus.PASS);
        assertThat(r.get(check).message())
            .as("day " + (d + 1))
            .contains("not judged yet: " + d + " of 5 past runs in history");
      }
    }
    Map<String, NodeResult> six = day(f.root(), 500, 2);
    assertThat(six.get("volume").status()).isEqualTo(NodeStatus.FAIL);
    assertThat(six.get("average").status())
        .as("a mean that never moved, and does not now, is no anomaly")
        .isEqualTo(NodeStatus.PASS);
    assertThat(six.get("average").message()).doesNotContain("not judged");
    assertThat(six.get("tag_nulls").status())
        .as("2 nulls in 500 rows is a drop in null share from about 2.4%")
        .isEqualTo(NodeStatus.FAIL);
  }
}

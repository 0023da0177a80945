package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check naming a column its model does not give stops the run before anything is built. */
class ColumnPreflightTest {
  @TempDir Path dir;

  private void project(String column) {
    new ProjectFolder(dir)
        .file("sluice.yml", "name: x\nmodels: {+materialized: table}\n")
        .file("models/base.sql", "select 1 as id")
        .file("models/orders.sql", "select id from {{ ref('base') }}")
        .file(
            "models/schema.yml",
            "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: "
                + column
                + "\n        tests: [not_null]\n");
  }

  @Test
  void aMisspeltColumnStopsTheRunNamingTheCheckAndTheColumn() {
    project("id");
    try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, null, null, 1, false, RunListener.NONE).failed()).isFalse();
    }
    project("idd");
    try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
      assertThatThrownBy(() -> p.run(Command.BUILD, null, null, 1, false, RunListener.NONE))
          .isInstanceOf(ProjectException.class)
          .hasMessageContaining("names column 'idd'");
      assertThat(p.history().runs(5)).hasSize(1); // the second run never started
    }
  }
}

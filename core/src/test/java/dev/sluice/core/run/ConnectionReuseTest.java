package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run keeps connections between nodes, but a node's hooks never reach the next node: what a
 * pre-hook or post-hook sets in its connection is gone when the next node starts.
 */
class ConnectionReuseTest {
  @TempDir Path dir;

  private String markerSeenBy(String reader) throws Exception {
    try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.RUN, null, null, 1, false, RunListener.NONE);
      assertThat(s.failed()).as("%s", s.results()).isFalse();
      try (Connection c = p.warehouse().connect();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select marker from main." + reader)) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  @Test
  void aVariableSetByAPreHookIsNotSeenByTheNextNode() throws Exception {
    new ProjectFolder(dir)
        .file("sluice.yml", "name: x\nmodels: {+materialized: table}\n")
        .file(
            "models/setter.sql",
            "{{ config(pre_hook=\"set variable marker = 'from the hook'\") }}\n"
                + "select getvariable('marker') as marker")
        .file(
            "models/reader.sql",
            "-- depends_on: {{ ref('setter') }}\nselect getvariable('marker') as marker");
    assertThat(markerSeenBy("reader")).isNull();
    // the hook did run, in the connection of its own node
    assertThat(markerSeenBy("setter")).isEqualTo("from the hook");
  }

  @Test
  void aVariableSetByAPostHookIsNotSeenByTheNextNode() throws Exception {
    new ProjectFolder(dir)
        .file("sluice.yml", "name: x\nmodels: {+materialized: view}\n")
        .file(
            "models/setter.sql",
            "{{ config(post_hook=\"set variable marker = 'from the hook'\") }}\nselect 1 as id")
        .file(
            "models/reader.sql",
            "{{ config(materialized='table') }}\n-- depends_on: {{ ref('setter') }}\n"
                + "select getvariable('marker') as marker");
    assertThat(markerSeenBy("reader")).isNull();
  }

  @Test
  void aConnectionGivenBackIsTakenAgainAndClosedWithTheRun() throws Exception {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString())) {
      IdleConnections idle = new IdleConnections(w);
      Connection first = idle.take();
      idle.giveBack(first);
      assertThat(idle.take()).isSameAs(first);
      Connection second = idle.take();
      assertThat(second).isNotSameAs(first);
      idle.giveBack(first);
      idle.close();
      assertThat(first.isClosed()).isTrue();
      idle.giveBack(second); // a node that finished after the run ended
      assertThat(second.isClosed()).isTrue();
    }
  }
}

package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files connector loads each file once, and a changed file by the table's policy. */
class FileTrackingTest {
  @TempDir Path dir;
  Warehouse warehouse;
  SourceLoader loader;

  @BeforeEach
  void open() {
    warehouse = DuckDbWarehouse.open(dir.resolve("w.duckdb").toString());
    loader = new SourceLoader(warehouse, Map.of(), ConnectorRegistry.discover(), dir);
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private ProjectFolder project(String extra) {
    return ProjectFolder.sluice(dir, "tracking")
        .file(
            "sources/drops.yml",
            """
            sources:
              - name: drops
                connector: files
                tables:
                  - {name: events, path: "drops/events_*.json", write_disposition: append%s}
            """
                .formatted(extra));
  }

  private LoadReport load(ProjectFolder p, boolean full) throws LoadException {
    SourceTable t = p.load().source("drops", "events").orElseThrow();
    return loader.load(t, new LoadOptions("run", full));
  }

  private List<String> rows(String sql) {
    return Tables.rows(warehouse, sql).stream().map(r -> r.values().toString()).toList();
  }

  @Test
  void anAppendedFileIsLoadedOnceAcrossThreeRuns() throws LoadException {
    ProjectFolder p = project("").file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}]");
    for (int i = 0; i < 3; i++) {
      load(p, false);
    }
    assertThat(rows("select count(*) from drops.events")).containsExactly("[2]");
    assertThat(rows("select path, size from _sluice.loaded_files"))
        .containsExactly("[drops/events_1.json, 22]");
  }

  @Test
  void aNewFileIsLoadedAndTheOldOneIsNotReadAgain() throws LoadException {
    ProjectFolder p = project("").file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}]");
    load(p, false);
    p.file("drops/events_2.json", "[{\"id\": 3}]");
    LoadReport r = load(p, false);
    assertThat(r.rowsLoaded()).isEqualTo(1);
    assertThat(rows("select id from drops.events order by id"))
        .containsExactly("[1]", "[2]", "[3]");
  }

  @Test
  void aChangedFileReplacesItsRowsUnderReload() throws LoadException {
    ProjectFolder p = project("").file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}]");
    load(p, false);
    p.file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}, {\"id\": 22}]");
    load(p, false);
    assertThat(rows("select id from drops.events order by id"))
        .containsExactly("[1]", "[2]", "[22]");
  }

  @Test
  void aChangedFileIsAppendedAgainUnderAppend() throws LoadException {
    ProjectFolder p = project(", on_change: append").file("drops/events_1.json", "[{\"id\": 1}]");
    load(p, false);
    p.file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}]");
    load(p, false);
    assertThat(rows("select count(*) from drops.events")).containsExactly("[3]");
  }

  @Test
  void aChangedFileIsSkippedUnderIgnore() throws LoadException {
    ProjectFolder p = project(", on_change: ignore").file("drops/events_1.json", "[{\"id\": 1}]");
    load(p, false);
    p.file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}]");
    assertThat(load(p, false).rowsLoaded()).isZero();
    assertThat(rows("select count(*) from drops.events")).containsExactly("[1]");
  }

  @Test
  void aFullRefreshForgetsTheLoadedFiles() throws LoadException {
    ProjectFolder p = project("").file("drops/events_1.json", "[{\"id\": 1}, {\"id\": 2}]");
    load(p, false);
    load(p, true);
    load(p, true);
    assertThat(rows("select count(*) from drops.events")).containsExactly("[2]");
  }

  @Test
  void aFailedLoadRecordsNoFiles() throws LoadException {
    ProjectFolder p = project(", contract: freeze").file("drops/events_1.json", "[{\"id\": 1}]");
    load(p, false);
    p.file("drops/events_2.json", "[{\"id\": 2, \"extra\": true}]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> load(p, false))
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("extra");
    assertThat(rows("select path from _sluice.loaded_files"))
        .containsExactly("[drops/events_1.json]");
  }
}

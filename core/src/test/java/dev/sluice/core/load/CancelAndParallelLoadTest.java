package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.SourceConnector;
import dev.sluice.core.spi.TableInfo;
import dev.sluice.core.spi.TableRequest;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.testing.Tables;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load stopped from another thread leaves nothing behind; tables of one source load side by side.
 */
class CancelAndParallelLoadTest {
  @TempDir Path dir;

  @Test
  void aCancelledLoadRollsBackAndRecordsItself() throws Exception {
    ProjectFolder project =
        ProjectFolder.sluice(dir, "cancel_it")
            .file(
                "sources/s.yml",
                """
        sources:
          - name: endless
            connector: endless
            tables: [{name: ticks, cursor: n}]
        """);
    SourceTable table = project.load().source("endless", "ticks").orElseThrow();
    Endless endless = new Endless();
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      SourceLoader loader =
          new SourceLoader(w, Map.of(), new ConnectorRegistry().register(endless), dir);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  loader.load(table, new LoadOptions("run", false));
                } catch (Throwable e) {
                  failure.set(e);
                }
              });
      t.start();
      endless.streaming.await();
      loader.cancel();
      t.join();
      assertThat(failure.get())
          .isInstanceOf(LoadException.class)
          .hasMessageContaining("source endless.ticks")
          .hasMessageContaining("cancelled");
      assertThat(
              Tables.rows(
                  w,
                  "select count(*) as n from information_schema.tables where table_schema = 'endless'"))
          .extracting(r -> r.get("n").toString())
          .containsExactly("0");
      assertThat(Tables.rows(w, "select status from _sluice.loads"))
          .extracting(r -> r.get("status"))
          .containsExactly("cancelled");
      assertThat(Tables.rows(w, "select * from _sluice.load_state")).isEmpty();
    }
  }

  @Test
  void tablesOfOneSourceLoadInParallel() {
    ProjectFolder project =
        ProjectFolder.sluice(dir, "parallel_it")
            .file(
                "sources/files.yml",
                """
        sources:
          - name: drop
            connector: files
            schema: raw
            tables:
              - {name: a, path: a.csv}
              - {name: b, path: b.csv, primary_key: id, cursor: id}
              - {name: c, path: c.csv, cursor: id}
              - {name: d, path: d.csv}
        """);
    for (String t : List.of("a", "b", "c", "d")) {
      project.file(t + ".csv", "id,v\n1,x\n2,y\n");
    }
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults().withEnv(Map.of()))) {
      List<NodeResult> results =
          p.run(Command.LOAD, null, null, 4, false, RunListener.NONE).results();
      assertThat(results)
          .hasSize(4)
          .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(NodeStatus.SUCCESS));
      assertThat(
              Tables.rows(
                  p.warehouse(),
                  "select count(*) as n from _sluice.loads where status = 'success'"))
          .extracting(r -> r.get("n").toString())
          .containsExactly("4");
    }
  }

  /** Streams rows until the load is cancelled; says when the first rows have gone out. */
  static final class Endless implements SourceConnector {
    final CountDownLatch streaming = new CountDownLatch(1);

    @Override
    public String kind() {
      return "endless";
    }

    @Override
    public String displayName() {
      return "Endless";
    }

    @Override
    public List<ConfigField> fields() {
      return List.of();
    }

    @Override
    public void check(ConnectorConfig config) {}

    @Override
    public List<TableInfo> tables(ConnectorConfig config) {
      return List.of();
    }

    @Override
    public void read(ConnectorConfig config, TableRequest request, RowSink sink)
        throws LoadException {
      sink.schema(List.of(new SourceColumn("n", "BIGINT")));
      for (long n = 1; ; n++) {
        if (sink.cancelled()) {
          throw new LoadException("source " + request.qualifiedName() + ": cancelled");
        }
        sink.row(new Object[] {n});
        if (n == 1000) {
          streaming.countDown();
        }
      }
    }
  }
}

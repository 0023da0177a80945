package dev.sluice.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.plan.Command;
import dev.sluice.core.project.Model;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.testing.Samples;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueriesTest {
  @TempDir Path dir;

  private Pipeline builtShop() {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      assertThat(p.run(Command.BUILD, null, null, 2, false, RunListener.NONE).exitCode()).isZero();
    }
    return Pipeline.open(shop, PipelineOptions.defaults());
  }

  @Test
  void aHugeResultStreamsItsFirstPageWithoutReadingTheRest() throws Exception {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("big.duckdb").toString())) {
      w.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "create table big as select range as id, 'row ' || range as label from range(10000000)"));
      try (ResultStream rs = ResultStream.open(w, "select * from big", new ResultStream.Cancel())) {
        assertThat(rs.columns())
            .containsExactly(
                new ResultColumn("id", "BIGINT"), new ResultColumn("label", "VARCHAR"));
        List<Object[]> page = rs.next(500);
        assertThat(page).hasSize(500);
        assertThat(page.get(0)[0]).isEqualTo(0L);
        assertThat(page.get(0)[1]).isEqualTo("row 0");
        assertThat(rs.exhausted()).isFalse();
        assertThat(rs.rowsRead()).isEqualTo(500);
        assertThat(rs.next(500).get(0)[0])
            .as("the next page continues where the first stopped")
            .isEqualTo(500L);
      }
    }
  }

  @Test
  void aQueryThatRunsForeverIsCancelledFromAnotherThread() throws Exception {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(":memory:")) {
      ResultStream.Cancel cancel = new ResultStream.Cancel();
      CompletableFuture<Object> running =
          CompletableFuture.supplyAsync(
              () -> {
                try (ResultStream rs =
                    ResultStream.open(
                        w,
                        "select count(*) from range(100000000000) a, range(1000) b where a.range * b.range % 7 = 3",
                        cancel)) {
                  return rs.next(1);
                } catch (SQLException e) {
                  return e;
                }
              });
      Thread.sleep(300);
      assertThat(running).isNotDone();
      cancel.cancel();
      Object outcome = running.get(10, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(SQLException.class);
      assertThat(((SQLException) outcome).getMessage()).isEqualTo("cancelled");
    }
  }

  @Test
  void statementsWithoutRowsReportTheirCount() throws Exception {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(":memory:")) {
      w.jdbi().useHandle(h -> h.execute("create table t (x int)"));
      try (ResultStream rs =
          ResultStream.open(
              w, "insert into t select range from range(3)", new ResultStream.Cancel())) {
        assertThat(rs.columns()).isEmpty();
        assertThat(rs.updateCount()).isEqualTo(3);
        assertThat(rs.next(10)).isEmpty();
      }
    }
  }

  @Test
  void previewsReadBuiltRelationsAndCompileEverythingElse() throws Exception {
    try (Pipeline p = builtShop()) {
      var m = p.manifest();
      assertThat(Previews.sqlFor(p, m.node("model.customers").orElseThrow()))
          .isEqualTo("select * from \"main\".\"customers\"");
      String ephemeral = Previews.sqlFor(p, m.node("model.order_totals").orElseThrow());
      assertThat(ephemeral).doesNotStartWith("select * from \"main\".\"order_totals\"");
      assertThat(firstPage(p, ephemeral)).isNotEmpty();
      Model orders = (Model) m.node("model.stg_orders").orElseThrow();
      String edited =
          Previews.compileModelText(p, orders, "select count(*) as n from {{ ref('raw_orders') }}");
      assertThat(edited).contains("\"main\".\"raw_orders\"");
      assertThat(firstPage(p, edited).get(0)[0]).isEqualTo(600L);
      assertThat(firstPage(p, Previews.compileAdHoc(p, "select 1 + 1 as two")).get(0)[0])
          .isEqualTo(2);
    }
  }

  @Test
  void anUnloadedSeedIsPreviewedFromItsCsvAndABrokenTemplateNamesItsLine() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("fresh"));
    try (Pipeline p = Pipeline.open(shop, PipelineOptions.defaults())) {
      String seed = Previews.sqlFor(p, p.manifest().node("seed.raw_customers").orElseThrow());
      assertThat(seed).startsWith("select * from read_csv(");
      assertThat(firstPage(p, seed)).hasSize(100);
      assertThatThrownBy(
              () -> Previews.compileAdHoc(p, "select 1\nfrom {{ ref('no_such_model') }}"))
          .isInstanceOf(QueryException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("no_such_model");
      assertThatThrownBy(
              () ->
                  Previews.sqlFor(
                      p, p.manifest().node("snapshot.customers_snapshot").orElseThrow()))
          .isInstanceOf(QueryException.class)
          .hasMessageContaining("run it first");
    }
  }

  @Test
  void exportsWriteWholeResultsAndNeverLeaveAHalfFile() throws Exception {
    try (Pipeline p = builtShop()) {
      Path csv = dir.resolve("out/orders.csv");
      Path parquet = dir.resolve("out/orders.parquet");
      ResultStream.Cancel cancel = new ResultStream.Cancel();
      assertThat(
              ResultExport.write(
                  p.warehouse(), "select * from main.orders", csv, ExportFormat.of(csv), cancel))
          .isEqualTo(600);
      assertThat(Files.readAllLines(csv)).hasSize(601);
      assertThat(
              ResultExport.write(
                  p.warehouse(),
                  "select * from main.orders",
                  parquet,
                  ExportFormat.of(parquet),
                  cancel))
          .isEqualTo(600);
      assertThat(firstPage(p, "select count(*) from read_parquet('" + parquet + "')").get(0)[0])
          .isEqualTo(600L);

      Path broken = dir.resolve("out/broken.csv");
      assertThatThrownBy(
              () ->
                  ResultExport.write(
                      p.warehouse(),
                      "select 1/0::int as x, error('boom')",
                      broken,
                      ExportFormat.CSV,
                      new ResultStream.Cancel()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("boom");
      try (var files = Files.list(dir.resolve("out"))) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("orders.csv", "orders.parquet");
      }
    }
  }

  @Test
  void profilesCountNullsDistinctValuesAndDrawCharts() throws Exception {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(":memory:")) {
      w.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      """
          create table p as select range as id, case when range % 4 = 0 then null else range % 3 end as bucket,
                 ['red', 'green', 'blue'][range % 3 + 1] as colour from range(1000)"""));
      TableProfile profile = Profiler.profile(w, "select * from p", new ResultStream.Cancel());
      assertThat(profile.rows()).isEqualTo(1000);
      ColumnProfile id = profile.columns().get(0);
      assertThat(id.histogram()).isTrue();
      assertThat(id.bars()).hasSize(Profiler.BINS);
      assertThat(id.bars().stream().mapToLong(ColumnProfile.Bar::count).sum()).isEqualTo(1000);
      assertThat(id.min()).isEqualTo("0");
      assertThat(id.max()).isEqualTo("999");
      // a small table's distinct values are counted, not estimated: a unique column has 1,000
      assertThat(id.distinct()).isEqualTo(1000);
      assertThat(id.distinctExact()).isTrue();
      ColumnProfile bucket = profile.columns().get(1);
      assertThat(bucket.nullPercent()).isEqualTo(25.0);
      assertThat(bucket.histogram()).as("three distinct values are shown as top values").isFalse();
      assertThat(bucket.distinct()).as("nulls are not a value").isEqualTo(3);
      assertThat(bucket.bars())
          .extracting(ColumnProfile.Bar::label)
          .contains("NULL", "0", "1", "2");
      ColumnProfile colour = profile.columns().get(2);
      assertThat(colour.type()).isEqualTo("VARCHAR");
      assertThat(colour.bars())
          .extracting(ColumnProfile.Bar::label)
          .containsExactlyInAnyOrder("red", "green", "blue");
      assertThat(colour.bars().stream().mapToLong(ColumnProfile.Bar::count).sum()).isEqualTo(1000);
    }
  }

  private static List<Object[]> firstPage(Pipeline p, String sql) throws SQLException {
    try (ResultStream rs = ResultStream.open(p.warehouse(), sql, new ResultStream.Cancel())) {
      return rs.next(100);
    }
  }
}

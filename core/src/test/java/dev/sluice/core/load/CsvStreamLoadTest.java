package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.CsvExport;
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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's CSV export streamed into DuckDB through a named pipe (and, where there is no {@code
 * mkfifo}, through chunk files): every row arrives, and a failure on either side ends the load with
 * that side's message, no stage or raw table left and no thread waiting on the pipe.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CsvStreamLoadTest {
  private static final int ROWS = 200_000; // about 10 MB: more than one chunk in the fallback
  @TempDir Path dir;

  @AfterEach
  void pipesBackOn() {
    NamedPipe.enabled = true;
  }

  @Test
  void everyRowArrivesThroughThePipeWithQuotesNewlinesNullsAndEmptyStrings() throws Exception {
    assertThat(NamedPipe.create("probe")).satisfies(NamedPipe::delete).isNotNull();
    loadsEveryRow();
  }

  @Test
  void everyRowArrivesThroughChunkFilesWhereThereIsNoPipe() throws Exception {
    NamedPipe.enabled = false;
    loadsEveryRow();
  }

  private void loadsEveryRow() throws Exception {
    Gen gen = new Gen();
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      LoadReport r = load(w, gen);
      assertThat(r.rowsLoaded()).isEqualTo(ROWS);
      assertThat(
              Tables.rows(
                  w,
                  "select count(*) as n, count(distinct id) as d, sum(id) as s,"
                      + " count(note) as notes, count(*) filter (where note = '') as empty,"
                      + " count(*) filter (where note like '%\"x\"%' and note like '%\n%') as odd,"
                      + " count(distinct _sluice_load_id) as ids from raw.t"))
          .extracting(Map::values)
          .extracting(Object::toString)
          .containsExactly(expected());
    }
  }

  /** The same counts, worked out from the generator's rule. */
  private static String expected() {
    long sum = 0;
    int notes = 0;
    int empty = 0;
    int odd = 0;
    for (int i = 1; i <= ROWS; i++) {
      sum += i;
      if (i % 5 == 0) {
        odd++;
        notes++;
      } else if (i % 3 == 0) {
        empty++;
        notes++;
      } else if (i % 3 == 1) {
        notes++;
      }
    }
    return "[" + ROWS + ", " + ROWS + ", " + sum + ", " + notes + ", " + empty + ", " + odd
        + ", 1]";
  }

  @Test
  void aSourceFailingMidStreamReportsItsOwnErrorAndLeavesNoTable() throws Exception {
    Gen gen = new Gen();
    gen.failAt = 150_000;
    assertFailsLeavingNothing(gen, "source gen.t: the server went away at row 150000");
  }

  @Test
  void aSourceDyingInTheMiddleOfARowIsNotTakenForADuckDbError() throws Exception {
    Gen gen = new Gen();
    gen.failAt = 150_000;
    gen.halfRow = true;
    assertFailsLeavingNothing(gen, "source gen.t: the server went away at row 150000");
  }

  @Test
  void aConnectorDyingOfAnErrorIsNotTakenForTheEndOfItsRows() throws Exception {
    Gen gen = new Gen();
    gen.failAt = 150_000;
    gen.error = true;
    assertFailsLeavingNothing(
        gen, "source gen.t: java.lang.OutOfMemoryError: out of memory at row 150000");
  }

  @Test
  void aConnectorThatNeverClosesItsStreamStillEnds() throws Exception {
    Gen gen = new Gen();
    gen.leaveOpen = true;
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      assertThat(load(w, gen).rowsLoaded()).isEqualTo(ROWS);
    }
  }

  @Test
  void aValueDuckDbRefusesEndsTheLoadAndFreesTheWriter() throws Exception {
    Gen gen = new Gen();
    gen.badAt = 150_000;
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      assertThatThrownBy(() -> load(w, gen))
          .isInstanceOf(LoadException.class)
          .hasMessageStartingWith("source gen.t: ")
          .hasMessage(
              "source gen.t: row 150000 of the export: Error when converting column \"id\". Could"
                  + " not convert string \"not-a-number\" to 'BIGINT' (the type the source declared for it)");
      assertNothingLeft(w);
      assertThat(gen.writerDone).as("the writer was let go").isTrue();
    }
  }

  @Test
  void aStageTableThatCannotBeMadeFreesTheWriterWaitingForAReader() throws Exception {
    Gen gen = new Gen();
    gen.badType = true;
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      assertThatThrownBy(() -> load(w, gen))
          .isInstanceOf(LoadException.class)
          .hasMessageStartingWith("source gen.t: ")
          .hasMessageContaining("NO_SUCH_TYPE");
      assertThat(gen.writerDone).as("the writer was let go").isTrue();
    }
  }

  @Test
  void aCancelWhileRowsStreamEndsBothSidesAndRecordsItself() throws Exception {
    Gen gen = new Gen();
    gen.endless = true;
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      SourceLoader loader =
          new SourceLoader(w, Map.of(), new ConnectorRegistry().register(gen), dir);
      SourceTable table = project().load().source("gen", "t").orElseThrow();
      java.util.concurrent.atomic.AtomicReference<Throwable> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
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
      assertThat(gen.streaming.await(60, TimeUnit.SECONDS)).isTrue();
      loader.cancel();
      t.join(60_000);
      assertThat(t.isAlive()).as("the load ended").isFalse();
      assertThat(failure.get())
          .isInstanceOf(LoadException.class)
          .hasMessageContaining("source gen.t")
          .hasMessageContaining("cancelled");
      assertNothingLeft(w);
      assertThat(Tables.rows(w, "select status from _sluice.loads"))
          .extracting(r -> r.get("status"))
          .containsExactly("cancelled");
      assertThat(gen.writerDone).as("the writer was let go").isTrue();
    }
  }

  @Test
  void aSourceFailingBeforeItsFirstRowIsNamed() throws Exception {
    Gen gen = new Gen();
    gen.failAt = 0;
    assertFailsLeavingNothing(gen, "source gen.t: the server went away at row 0");
  }

  private LoadReport load(Warehouse w, Gen gen) throws LoadException {
    SourceTable table = project().load().source("gen", "t").orElseThrow();
    return new SourceLoader(w, Map.of(), new ConnectorRegistry().register(gen), dir)
        .load(table, new LoadOptions("run", false));
  }

  private ProjectFolder project() {
    return ProjectFolder.sluice(dir, "stream_it")
        .file(
            "sources/s.yml",
            """
        sources:
          - name: gen
            connector: gen
            schema: raw
            tables: [{name: t, write_disposition: replace}]
        """);
  }

  private static void assertNothingLeft(Warehouse w) {
    assertThat(
            Tables.rows(
                w,
                "select count(*) as n from information_schema.tables where table_schema = 'raw'"))
        .extracting(r -> r.get("n").toString())
        .containsExactly("0");
    assertThat(Tables.rows(w, "select * from _sluice.load_state")).isEmpty();
  }

  /** Writes ROWS rows of CSV the way {@link CsvExport} asks, with a fault where told. */
  static final class Gen implements SourceConnector, CsvExport {
    int failAt = -1;
    int badAt = -1;
    boolean halfRow;
    boolean leaveOpen;
    boolean badType;
    boolean endless;
    boolean error;
    final java.util.concurrent.CountDownLatch streaming =
        new java.util.concurrent.CountDownLatch(1);
    volatile boolean writerDone;

    @Override
    public String kind() {
      return "gen";
    }

    @Override
    public String displayName() {
      return "Generator";
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
    public void read(ConnectorConfig config, TableRequest request, RowSink sink) {
      throw new UnsupportedOperationException("exported as CSV");
    }

    @Override
    public void export(ConnectorConfig config, TableRequest request, Target target)
        throws LoadException {
      try {
        if (failAt == 0) {
          throw new LoadException(
              "source " + request.qualifiedName() + ": the server went away at row 0");
        }
        OutputStream out =
            target.open(
                List.of(
                    new SourceColumn("id", badType ? "NO_SUCH_TYPE" : "BIGINT"),
                    new SourceColumn("note", "VARCHAR")));
        try {
          StringBuilder sb = new StringBuilder();
          for (int i = 1; i <= ROWS || endless; i++) {
            if (i == 50_000) {
              streaming.countDown();
            }
            if (i == failAt && error) {
              out.flush();
              throw new OutOfMemoryError("out of memory at row " + i);
            }
            if (i == failAt) {
              if (halfRow) {
                out.write("12".getBytes(StandardCharsets.UTF_8));
                out.flush();
              }
              throw new LoadException(
                  "source " + request.qualifiedName() + ": the server went away at row " + i);
            }
            sb.append(i == badAt ? "not-a-number" : String.valueOf(i)).append(',');
            if (i % 5 == 0) {
              sb.append("\"say \"\"x\"\"\nand, go\"");
            } else if (i % 3 == 0) {
              sb.append("\"\""); // an empty string
            } else if (i % 3 == 1) {
              sb.append("n").append(i); // a value
            } // else NULL: nothing
            sb.append('\n');
            if (sb.length() > 8192) {
              out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
              sb.setLength(0);
            }
          }
          out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
          if (!leaveOpen) {
            out.close();
          } else {
            out.flush();
          }
        }
      } catch (IOException e) {
        throw new LoadException("source " + request.qualifiedName() + ": " + e.getMessage(), e);
      } finally {
        writerDone = true;
      }
    }
  }

  /** The load fails with exactly {@code message} and leaves no raw or stage table behind. */
  private void assertFailsLeavingNothing(Gen gen, String message) throws Exception {
    try (Warehouse w = DuckDbWarehouse.open(":memory:")) {
      assertThatThrownBy(() -> load(w, gen)).isInstanceOf(LoadException.class).hasMessage(message);
      assertNothingLeft(w);
    }
  }
}

package dev.sluice.core.load;

import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.CsvExport;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.TableRequest;
import dev.sluice.core.warehouse.SqlSession;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * Stages a {@link CsvExport}: the connector writes on a worker thread into chunk files cut at row
 * boundaries, and DuckDB reads each finished chunk into the stage table meanwhile, so the source
 * and DuckDB work at the same time. At most a few chunks wait on disk at once.
 */
final class CsvPipeline {
  private static final long CHUNK_BYTES = 8L << 20;
  private static final Object END = new Object();

  private final SqlSession s;
  private final String rel;
  private final TableRequest request;
  private final String loadId;
  private final BooleanSupplier cancelled;
  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(3);
  private volatile boolean stopped;

  CsvPipeline(
      SqlSession s, String rel, TableRequest request, String loadId, BooleanSupplier cancelled) {
    this.loadId = loadId;
    this.s = s;
    this.rel = rel;
    this.request = request;
    this.cancelled = cancelled;
  }

  long stage(CsvExport export, ConnectorConfig config) throws LoadException, SQLException {
    Thread worker =
        new Thread(
            () -> {
              Object last = END;
              try {
                export.export(
                    config,
                    request,
                    columns -> {
                      put(columns);
                      return new Chunks();
                    });
              } catch (LoadException | RuntimeException e) {
                last = e;
              } finally {
                putQuietly(last);
              }
            },
            "sluice-export-" + request.qualifiedName());
    worker.setDaemon(true);
    worker.start();
    String types = null;
    String stamp = null;
    try {
      while (true) {
        Object next = ready.take();
        if (next == END) {
          break;
        }
        if (next instanceof LoadException e) {
          throw e;
        }
        if (next instanceof RuntimeException e) {
          throw new LoadException("source " + request.qualifiedName() + ": " + e, e);
        }
        if (next instanceof List<?> columns) {
          types = types(columns);
          // the load columns come with the table, so applying need not rewrite it
          s.execute(
              "create table "
                  + rel
                  + " ("
                  + ddl(columns)
                  + ", _sluice_load_id varchar, _sluice_loaded_at timestamp)");
          Object now =
              s.rows("select current_timestamp::timestamp::varchar as t", 1).get(0).get("t");
          stamp =
              ", " + LoadState.lit(loadId) + ", timestamp " + LoadState.lit(String.valueOf(now));
          continue;
        }
        Path chunk = (Path) next;
        try {
          s.execute(
              "insert into "
                  + rel
                  + " select *"
                  + stamp
                  + " from read_csv("
                  + LoadState.lit(chunk.toString())
                  + ", header = false,"
                  + " delim = ',', quote = '\"', escape = '\"', auto_detect = false, strict_mode = true,"
                  + " allow_quoted_nulls = false, columns = "
                  + types
                  + ")");
        } finally {
          Files.deleteIfExists(chunk);
        }
      }
      return s.count("select * from " + rel);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("source " + request.qualifiedName() + ": interrupted", e);
    } catch (IOException e) {
      throw new LoadException(
          "source " + request.qualifiedName() + ": cannot stage rows: " + e.getMessage(), e);
    } finally {
      stopped = true;
      drain(worker);
    }
  }

  private static String types(List<?> columns) {
    StringBuilder sb = new StringBuilder("{");
    for (Object o : columns) {
      SourceColumn c = (SourceColumn) o;
      sb.append(sb.length() == 1 ? "" : ", ")
          .append(LoadState.lit(c.name()))
          .append(": ")
          .append(LoadState.lit(c.type()));
    }
    return sb.append('}').toString();
  }

  private static String ddl(List<?> columns) {
    StringBuilder sb = new StringBuilder();
    for (Object o : columns) {
      SourceColumn c = (SourceColumn) o;
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(dev.sluice.core.warehouse.Sql.ident(c.name()))
          .append(' ')
          .append(c.type());
    }
    return sb.toString();
  }

  /** Lets a stopped worker finish and removes the chunks it left. */
  private void drain(Thread worker) {
    try {
      while (worker.isAlive() || !ready.isEmpty()) {
        Object o = ready.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (o instanceof Path p) {
          Files.deleteIfExists(p);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // chunks live in the system's temp folder, which is cleaned too
    }
  }

  private void put(Object o) throws IOException {
    try {
      while (!ready.offer(o, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new IOException("the load stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void putQuietly(Object o) {
    try {
      put(o);
    } catch (IOException ignored) {
      // the reader has stopped and no longer listens
    }
  }

  /** Writes chunk files, cutting only between rows: a newline outside quotes. */
  private final class Chunks extends OutputStream {
    private OutputStream out;
    private Path file;
    private long size;
    private boolean quoted;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (stopped || cancelled.getAsBoolean()) {
        throw new IOException(cancelled.getAsBoolean() ? "cancelled" : "the load stopped");
      }
      int start = off;
      int end = off + len;
      for (int i = off; i < end; i++) {
        byte c = b[i];
        if (c == '"') {
          quoted = !quoted;
        } else if (c == '\n' && !quoted && size + (i - start) >= CHUNK_BYTES) {
          current().write(b, start, i + 1 - start);
          size += i + 1 - start;
          start = i + 1;
          finishChunk();
        }
      }
      if (start < end) {
        current().write(b, start, end - start);
        size += end - start;
      }
    }

    private OutputStream current() throws IOException {
      if (out == null) {
        file =
            Files.createTempFile(
                "sluice-" + dev.sluice.core.safety.SafePaths.fileName(request.table()) + "-",
                ".csv");
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        size = 0;
      }
      return out;
    }

    private void finishChunk() throws IOException {
      if (out != null) {
        out.close();
        out = null;
        put(file);
      }
    }

    @Override
    public void close() throws IOException {
      finishChunk();
    }
  }
}

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

  /** The writer failed because the reader had stopped (or closed its end), not on its own. */
  private volatile boolean writerStopped;

  CsvPipeline(
      SqlSession s, String rel, TableRequest request, String loadId, BooleanSupplier cancelled) {
    this.loadId = loadId;
    this.s = s;
    this.rel = rel;
    this.request = request;
    this.cancelled = cancelled;
  }

  long stage(CsvExport export, ConnectorConfig config) throws LoadException, SQLException {
    Path fifo = NamedPipe.create(request.table());
    if (fifo == null) {
      return chunked(export, config);
    }
    try {
      return streamed(export, config, fifo);
    } finally {
      NamedPipe.delete(fifo);
    }
  }

  /**
   * One stream: the connector writes into a named pipe that a single {@code read_csv} consumes
   * meanwhile, so DuckDB plans, sniffs and commits once and nothing waits on disk.
   */
  private long streamed(CsvExport export, ConnectorConfig config, Path fifo)
      throws LoadException, SQLException {
    PipeOut[] opened = {null};
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
                      // blocks until DuckDB opens the pipe for reading (or the load stops)
                      PipeOut out = new PipeOut(fifo);
                      opened[0] = out;
                      return out;
                    });
              } catch (LoadException | RuntimeException e) {
                last = e;
              } catch (Error e) {
                // never the end of the stream: the rows read so far are not the table
                last = new LoadException("source " + request.qualifiedName() + ": " + e, e);
              } finally {
                // DuckDB's read ends at the end of the stream, also when the connector forgot it
                PipeOut out = opened[0];
                if (out != null) {
                  out.closeQuietly();
                }
                putQuietly(last);
              }
            },
            "sluice-export-" + request.qualifiedName());
    worker.setDaemon(true);
    worker.start();
    Object outcome = null;
    try {
      Object first = take();
      if (!(first instanceof List<?> columns)) {
        outcome = first;
        throw failure(first, null);
      }
      String types = types(columns);
      long rows;
      SQLException read = null;
      try {
        create(columns);
        rows = s.execute(insert(fifo.toString(), types));
      } catch (SQLException e) {
        read = e;
        rows = -1;
      }
      if (read != null) {
        // the writer may wait for a reader or in a full pipe: let it go
        stopped = true;
      }
      outcome = awaitWorker(worker, fifo);
      if (outcome != END) {
        // a writer stopped because DuckDB stopped reading reports DuckDB's error, not its own
        if (read == null || !writerStopped) {
          throw failure(outcome, read);
        }
      }
      if (read != null) {
        throw readError(read, true);
      }
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadException("source " + request.qualifiedName() + ": interrupted", e);
    } finally {
      stopped = true;
      if (outcome == null) {
        try {
          awaitWorker(worker, fifo);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Waits for the worker's last word, freeing it from a blocked open or write once stopped. */
  private Object awaitWorker(Thread worker, Path fifo) throws InterruptedException {
    while (true) {
      Object o = ready.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (o == END || o instanceof Exception) {
        return o;
      }
      if (o == null && !worker.isAlive() && ready.isEmpty()) {
        return END;
      }
      if (o == null && stopped) {
        NamedPipe.release(fifo);
      }
    }
  }

  private Object take() throws InterruptedException {
    return ready.take();
  }

  private LoadException failure(Object outcome, SQLException read) {
    if (outcome instanceof LoadException e) {
      return e;
    }
    if (outcome instanceof RuntimeException e) {
      return new LoadException("source " + request.qualifiedName() + ": " + e, e);
    }
    return new LoadException(
        "source "
            + request.qualifiedName()
            + ": the connector ended without declaring its columns"
            + (read == null ? "" : " (" + read.getMessage() + ")"),
        read);
  }

  private static final java.util.regex.Pattern CSV_ERROR =
      java.util.regex.Pattern.compile(
          "CSV Error on Line: (\\d+).*?(Error when converting column [^\\n]*)",
          java.util.regex.Pattern.DOTALL);

  /**
   * DuckDB's error while reading the export, as a person reads it: the row and the column, without
   * the reader's settings that follow. A cancelled statement stays an SQL error for the loader.
   */
  private SQLException readError(SQLException e, boolean oneStream) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    java.util.regex.Matcher csv = CSV_ERROR.matcher(m);
    if (csv.find()) {
      return new SQLException(
          (oneStream ? "row " + csv.group(1) + " of the export: " : "")
              + csv.group(2).strip()
              + " (the type the source declared for it)",
          e);
    }
    return e;
  }

  private String stamp;

  /** The stage table, with the load columns, and the literal values that fill them. */
  private void create(List<?> columns) throws SQLException {
    // the load columns come with the table, so applying need not rewrite it
    s.execute(
        "create table "
            + rel
            + " ("
            + ddl(columns)
            + ", _sluice_load_id varchar, _sluice_loaded_at timestamp)");
    Object now = s.rows("select current_timestamp::timestamp::varchar as t", 1).get(0).get("t");
    stamp = ", " + LoadState.lit(loadId) + ", timestamp " + LoadState.lit(String.valueOf(now));
  }

  private String insert(String file, String types) {
    return "insert into "
        + rel
        + " select *"
        + stamp
        + " from read_csv("
        + LoadState.lit(file)
        + ", header = false,"
        + " delim = ',', quote = '\"', escape = '\"', auto_detect = false, strict_mode = true,"
        + " allow_quoted_nulls = false, columns = "
        + types
        + ")";
  }

  /**
   * Where {@code mkfifo} is missing: chunk files, each read by DuckDB while the next is written.
   */
  private long chunked(CsvExport export, ConnectorConfig config)
      throws LoadException, SQLException {
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
              } catch (Error e) {
                // never the end of the stream: the rows read so far are not the table
                last = new LoadException("source " + request.qualifiedName() + ": " + e, e);
              } finally {
                putQuietly(last);
              }
            },
            "sluice-export-" + request.qualifiedName());
    worker.setDaemon(true);
    worker.start();
    String types = null;
    try {
      while (true) {
        Object next = ready.take();
        if (next == END) {
          break;
        }
        if (next instanceof LoadException || next instanceof RuntimeException) {
          throw failure(next, null);
        }
        if (next instanceof List<?> columns) {
          types = types(columns);
          create(columns);
          continue;
        }
        Path chunk = (Path) next;
        try {
          s.execute(insert(chunk.toString(), types));
        } catch (SQLException e) {
          throw readError(e, false);
        } finally {
          Files.deleteIfExists(chunk);
        }
      }
      if (types == null) {
        throw failure(END, null);
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

  /** The writing end of the named pipe; refuses to write once the load has stopped. */
  private final class PipeOut extends OutputStream {
    private final java.io.FileOutputStream raw;
    private final OutputStream out;
    private boolean closed;

    PipeOut(Path fifo) throws IOException {
      if (stopped) {
        writerStopped = true;
        throw new IOException("the load stopped");
      }
      this.raw = new java.io.FileOutputStream(fifo.toFile());
      this.out = new BufferedOutputStream(raw, 1 << 20);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check();
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw broken(e);
      }
    }

    @Override
    public void flush() throws IOException {
      check();
      try {
        out.flush();
      } catch (IOException e) {
        throw broken(e);
      }
    }

    private void check() throws IOException {
      if (cancelled.getAsBoolean()) {
        throw new IOException("cancelled");
      }
      if (stopped) {
        writerStopped = true;
        throw new IOException("the load stopped");
      }
    }

    /** A write fails when DuckDB closed its end: the reader's error is the one to report. */
    private IOException broken(IOException e) {
      writerStopped = true;
      return e;
    }

    @Override
    public synchronized void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (stopped || cancelled.getAsBoolean()) {
        // nobody reads what is left in the buffer, and a flush could wait on a full pipe
        raw.close();
        return;
      }
      try {
        out.flush();
      } catch (IOException e) {
        throw broken(e);
      } finally {
        raw.close();
      }
    }

    void closeQuietly() {
      try {
        close();
      } catch (IOException ignored) {
        // the reader is gone; the stream is released all the same
      }
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

package dev.sluice.app.results;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.query.ExportFormat;
import dev.sluice.core.query.QueryException;
import dev.sluice.core.query.ResultColumn;
import dev.sluice.core.query.ResultExport;
import dev.sluice.core.query.ResultStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One results grid's state: the query running or last run, its columns, the rows read so far, and
 * what went wrong. Queries run on a worker and stream: the first page shows while the rest stays in
 * DuckDB until the user asks for more. Everything observable changes on the UI thread.
 */
public final class QueryViewModel {
  /** Rows in the first page; the grid holds at most {@link #MAX_ROWS}. */
  public static final int FIRST_PAGE = 1_000;

  public static final int MORE_PAGE = 10_000;
  public static final int MAX_ROWS = 200_000;
  private static final Pattern DUCKDB_LINE = Pattern.compile("LINE (\\d+):");

  private final WarehouseSession session;
  private final Executor worker;
  private final Consumer<Runnable> onUi;
  private final ObservableList<ResultColumn> columns = FXCollections.observableArrayList();
  private final ObservableList<Object[]> rows = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty();
  private final IntegerProperty errorLine = new SimpleIntegerProperty(0);
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty more = new SimpleBooleanProperty();
  private final LongProperty firstRowsMillis = new SimpleLongProperty(-1);
  private final StringProperty sql = new SimpleStringProperty();
  private volatile ResultStream stream;
  private ResultStream.Cancel cancel = new ResultStream.Cancel();
  private long generation;

  public QueryViewModel(WarehouseSession session, Executor worker, Consumer<Runnable> onUi) {
    this.session = session;
    this.worker = worker;
    this.onUi = onUi;
  }

  /**
   * Runs the SQL that {@code compile} makes (on the worker, where compiling may read the catalog).
   * A run already going is cancelled first.
   */
  public void run(Function<Pipeline, String> compile) {
    cancel();
    long gen = ++generation;
    ResultStream.Cancel myCancel = new ResultStream.Cancel();
    cancel = myCancel;
    running.set(true);
    error.set(null);
    errorLine.set(0);
    status.set("Running…");
    long start = System.nanoTime();
    worker.execute(
        () -> {
          String text = null;
          try {
            closeStream();
            Pipeline p = session.pipeline();
            text = compile.apply(p);
            ResultStream rs = ResultStream.open(p.warehouse(), text, myCancel);
            List<Object[]> page = rs.next(FIRST_PAGE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String ran = text;
            onUi.accept(
                () -> {
                  if (gen != generation) {
                    rs.close();
                    return;
                  }
                  stream = rs;
                  if (rs.exhausted()) {
                    rs.close(); // every row is in the grid: give the connection (and the file) back
                  }
                  sql.set(ran);
                  columns.setAll(rs.columns());
                  rows.setAll(page);
                  firstRowsMillis.set(millis);
                  running.set(false);
                  more.set(!rs.exhausted());
                  status.set(
                      describe(rs, millis)
                          + session
                              .readingCopy()
                              .map(n -> " · " + n.replaceFirst("^note: ", ""))
                              .orElse(""));
                });
          } catch (Exception e) {
            String ran = text;
            onUi.accept(
                () -> {
                  if (gen == generation) {
                    fail(e, ran);
                  }
                });
          }
        });
  }

  /** Reads the next pages into the grid, up to {@link #MAX_ROWS}. */
  public void loadMore() {
    ResultStream rs = stream;
    if (rs == null || running.get() || rs.exhausted() || rs.rowsRead() >= MAX_ROWS) {
      return;
    }
    long gen = generation;
    running.set(true);
    status.set("Reading more rows…");
    long start = System.nanoTime();
    worker.execute(
        () -> {
          try {
            int room = Math.max(0, MAX_ROWS - (int) rs.rowsRead());
            List<Object[]> page = rs.next(Math.min(MORE_PAGE, room));
            long millis = (System.nanoTime() - start) / 1_000_000;
            onUi.accept(
                () -> {
                  if (gen != generation) {
                    return;
                  }
                  rows.addAll(page);
                  if (rs.exhausted() || rs.rowsRead() >= MAX_ROWS) {
                    rs.close();
                  }
                  running.set(false);
                  more.set(!rs.exhausted() && rs.rowsRead() < MAX_ROWS);
                  status.set(describe(rs, millis));
                });
          } catch (Exception e) {
            onUi.accept(() -> fail(e, sql.get()));
          }
        });
  }

  /** Stops the query in progress; the grid keeps what it has. Safe to call when nothing runs. */
  public void cancel() {
    cancel.cancel();
  }

  /** Writes the whole result of the last query to a file (CSV or Parquet by its extension). */
  public void export(Path file, Consumer<String> done) {
    String last = sql.get();
    if (last == null) {
      return;
    }
    ResultStream.Cancel myCancel = new ResultStream.Cancel();
    cancel = myCancel;
    running.set(true);
    status.set("Exporting to " + file.getFileName() + "…");
    worker.execute(
        () -> {
          try {
            long n =
                ResultExport.write(
                    session.pipeline().warehouse(), last, file, ExportFormat.of(file), myCancel);
            onUi.accept(
                () -> {
                  running.set(false);
                  String text = String.format(Locale.ROOT, "Exported %,d rows to %s", n, file);
                  status.set(text);
                  done.accept(text);
                });
          } catch (Exception e) {
            onUi.accept(
                () -> {
                  running.set(false);
                  status.set("Export failed: " + firstLine(e.getMessage()));
                  done.accept("Export failed: " + firstLine(e.getMessage()));
                });
          }
        });
  }

  private void fail(Exception e, String ran) {
    running.set(false);
    more.set(false);
    columns.clear();
    rows.clear();
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    if ("cancelled".equals(message)) {
      status.set("Cancelled");
      return;
    }
    status.set("Failed");
    error.set(message);
    if (e instanceof QueryException q && !q.problems().isEmpty()) {
      ProjectProblem p = q.problems().get(0);
      errorLine.set(p.line());
    } else {
      Matcher m = DUCKDB_LINE.matcher(message);
      if (m.find()) {
        errorLine.set(Integer.parseInt(m.group(1)));
      }
    }
    sql.set(ran);
  }

  private static String describe(ResultStream rs, long millis) {
    if (rs.columns().isEmpty()) {
      return String.format(
          Locale.ROOT, "Done: %,d rows changed · %,d ms", Math.max(0, rs.updateCount()), millis);
    }
    String count =
        rs.exhausted()
            ? String.format(Locale.ROOT, "%,d rows", rs.rowsRead())
            : String.format(Locale.ROOT, "first %,d rows (more available)", rs.rowsRead());
    return count + String.format(Locale.ROOT, " · %,d ms", millis);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private void closeStream() {
    ResultStream rs = stream;
    if (rs != null) {
      rs.close();
    }
  }

  /** Closes the open result; call when the grid goes away. */
  public void dispose() {
    generation++;
    cancel();
    worker.execute(this::closeStream);
  }

  /** Closes the open result and empties the grid: another project was opened. */
  public void clear() {
    dispose();
    columns.clear();
    rows.clear();
    statusProperty().set("");
    errorProperty().set(null);
    sqlProperty().set("");
  }

  public ObservableList<ResultColumn> columns() {
    return columns;
  }

  public ObservableList<Object[]> rows() {
    return rows;
  }

  public StringProperty statusProperty() {
    return status;
  }

  /** DuckDB's or the compiler's message when the last query failed, else null. */
  public StringProperty errorProperty() {
    return error;
  }

  /** The line the error points at (in the SQL that ran), or 0. */
  public IntegerProperty errorLineProperty() {
    return errorLine;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  public ReadOnlyBooleanProperty moreProperty() {
    return more;
  }

  /** Milliseconds from asking to the first page being ready, for the last run. */
  public LongProperty firstRowsMillisProperty() {
    return firstRowsMillis;
  }

  /** The SQL of the last run, as it went to DuckDB. */
  public StringProperty sqlProperty() {
    return sql;
  }
}

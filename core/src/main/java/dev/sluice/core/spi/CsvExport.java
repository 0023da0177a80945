package dev.sluice.core.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A connector that can dump a table as CSV faster than rows can be fetched one by one (PostgreSQL's
 * {@code COPY ... TO STDOUT}). The loader hands the stream to DuckDB's CSV reader as it is written
 * (through a named pipe, or in chunks cut at row boundaries where there is none), with the exact
 * column types the connector gives, so nothing is guessed.
 */
public interface CsvExport {

  /**
   * Writes the requested rows (past the cursor, and those with a null cursor) to the stream that
   * {@code target.open(columns)} returns, as CSV without a header: comma-separated, {@code
   * "}-quoted and -escaped, NULL as an unquoted empty field, an empty string as {@code ""}. Runs on
   * a worker thread; the stream throws once the load is cancelled or has failed.
   */
  void export(ConnectorConfig config, TableRequest request, Target target) throws LoadException;

  /**
   * Whether this request is exported as CSV; otherwise the loader reads it row by row. By default
   * every request but a change-data-capture one, whose changes come as rows; a connector may export
   * its CDC snapshot in bulk.
   */
  default boolean exports(TableRequest request) {
    return !ChangeCapture.isOn(request.settings());
  }

  /** Where an export writes. */
  interface Target {
    /** Declares the columns, in file order, and returns the stream for the rows. */
    OutputStream open(List<SourceColumn> columns) throws IOException;
  }
}

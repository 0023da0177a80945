package dev.sluice.core.spi;

import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * A connector whose records are JSON objects (REST APIs). It writes them as newline-delimited JSON
 * and DuckDB's JSON reader infers the columns and types, as it does for files.
 */
public interface JsonRecords {

  /** Writes every record, one JSON object per line; returns how many. */
  long extract(ConnectorConfig config, TableRequest request, Writer out, BooleanSupplier cancelled)
      throws LoadException;
}

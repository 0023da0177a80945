package dev.sluice.core.load;

import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.TableRequest;

/**
 * A connector whose data DuckDB reads itself (files): the loader stages it with one SQL statement
 * instead of streaming rows through Java.
 */
public interface DirectScan {

  /** A table expression DuckDB can select from, e.g. {@code read_csv('data/*.csv', ...)}. */
  String scan(ConnectorConfig config, TableRequest request) throws LoadException;
}

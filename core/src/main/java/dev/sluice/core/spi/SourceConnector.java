package dev.sluice.core.spi;

import java.util.List;

/**
 * A kind of source Sluice can extract from. Implementations are found with {@link
 * java.util.ServiceLoader}; they describe their settings as data so that the app can draw a form
 * for any connector without knowing it.
 */
public interface SourceConnector {

  /** The name sources use in {@code connector:}, e.g. {@code postgres}. */
  String kind();

  /** For people: {@code PostgreSQL}. */
  String displayName();

  /** The connection settings this connector reads, for forms and validation. */
  List<ConfigField> fields();

  /** Connects and checks the settings; throws with a message a person can act on. */
  void check(ConnectorConfig config) throws LoadException;

  /** The tables (or endpoints) this source offers, with their columns where known. */
  List<TableInfo> tables(ConnectorConfig config) throws LoadException;

  /**
   * Streams one table's rows to {@code sink}: its schema first, then the rows, in batches, never
   * the whole table in memory. With a cursor, only rows whose cursor is greater than the request's.
   */
  void read(ConnectorConfig config, TableRequest request, RowSink sink) throws LoadException;
}

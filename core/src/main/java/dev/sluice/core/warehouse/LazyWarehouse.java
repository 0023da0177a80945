package dev.sluice.core.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A warehouse opened the first time something asks it a question. {@code compile} holds one: a
 * project whose templates never introspect (no {@code is_incremental()} on a built table, no {@code
 * run_query}, no column lookups) compiles without touching the DuckDB file, so it neither waits for
 * nor copies a file another process holds.
 */
public final class LazyWarehouse implements Warehouse {
  private final String type;
  private final Supplier<? extends Warehouse> open;
  private Warehouse opened;
  private boolean closed;

  public LazyWarehouse(String type, Supplier<? extends Warehouse> open) {
    this.type = type;
    this.open = open;
  }

  /** Whether anything has opened the warehouse yet. */
  public synchronized boolean isOpen() {
    return opened != null;
  }

  private synchronized Warehouse get() {
    if (closed) {
      throw new IllegalStateException("the warehouse is closed");
    }
    if (opened == null) {
      opened = open.get();
    }
    return opened;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Jdbi jdbi() {
    return get().jdbi();
  }

  @Override
  public Connection connect() throws SQLException {
    return get().connect();
  }

  @Override
  public Optional<String> explainAnalyzeSql(String sql) {
    return get().explainAnalyzeSql(sql);
  }

  @Override
  public Optional<RelationKind> relationKind(String schema, String name) {
    return get().relationKind(schema, name);
  }

  @Override
  public List<ColumnInfo> columns(String schema, String name) {
    return get().columns(schema, name);
  }

  @Override
  public List<RelationInfo> relations() {
    return get().relations();
  }

  @Override
  public void ensureSchema(String schema) {
    get().ensureSchema(schema);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (opened != null) {
      opened.close();
    }
  }
}

package dev.sluice.core.load;

import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceColumn;
import dev.sluice.core.spi.TableRequest;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Receives rows from a connector and writes them into the stage table through DuckDB's Appender.
 */
final class AppenderSink implements RowSink {
  private final SqlSession session;
  private final Warehouse warehouse;
  private final String schema;
  private final String stage;
  private final TableRequest request;
  private final BooleanSupplier cancelled;
  private DuckDBAppender appender;
  private int width;
  private long rows;

  AppenderSink(
      SqlSession session,
      Warehouse warehouse,
      String schema,
      String stage,
      TableRequest request,
      BooleanSupplier cancelled) {
    this.schema = schema;
    this.session = session;
    this.warehouse = warehouse;
    this.stage = stage;
    this.request = request;
    this.cancelled = cancelled;
  }

  @Override
  public void schema(List<SourceColumn> columns) throws LoadException {
    StringBuilder ddl =
        new StringBuilder("create table ").append(warehouse.relation(schema, stage)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        ddl.append(", ");
      }
      ddl.append(warehouse.quote(columns.get(i).name())).append(' ').append(columns.get(i).type());
    }
    ddl.append(')');
    try {
      session.execute(ddl.toString());
      appender = session.connection().unwrap(DuckDBConnection.class).createAppender(schema, stage);
      width = columns.size();
    } catch (SQLException e) {
      throw new LoadException(
          "source " + request.qualifiedName() + ": cannot stage rows: " + e.getMessage(), e);
    }
  }

  @Override
  public void row(Object[] values) throws LoadException {
    if (values.length != width) {
      throw new LoadException(
          "source "
              + request.qualifiedName()
              + ": row "
              + (rows + 1)
              + " has "
              + values.length
              + " values where the schema has "
              + width);
    }
    try {
      appender.beginRow();
      for (Object v : values) {
        append(v);
      }
      appender.endRow();
      rows++;
    } catch (SQLException e) {
      throw new LoadException(
          "source " + request.qualifiedName() + ": row " + (rows + 1) + ": " + e.getMessage(), e);
    }
  }

  private void append(Object v) throws SQLException {
    if (v == null) {
      appender.appendNull();
    } else if (v instanceof String s) {
      appender.append(s);
    } else if (v instanceof Long l) {
      appender.append(l.longValue());
    } else if (v instanceof Integer i) {
      appender.append(i.intValue());
    } else if (v instanceof Short s) {
      appender.append(s.shortValue());
    } else if (v instanceof Double d) {
      appender.append(d.doubleValue());
    } else if (v instanceof Float f) {
      appender.append(f.floatValue());
    } else if (v instanceof BigDecimal b) {
      appender.append(b);
    } else if (v instanceof Boolean b) {
      appender.append(b.booleanValue());
    } else if (v instanceof LocalDateTime t) {
      appender.append(t);
    } else if (v instanceof LocalDate d) {
      appender.append(d);
    } else if (v instanceof OffsetDateTime t) {
      appender.append(t);
    } else if (v instanceof UUID u) {
      appender.append(u);
    } else {
      appender.append(v.toString());
    }
  }

  @Override
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  /** Flushes and closes the appender; returns the rows staged. */
  long finish() throws SQLException {
    if (appender != null) {
      appender.close();
      appender = null;
    }
    return rows;
  }

  void closeQuietly() {
    try {
      finish();
    } catch (SQLException ignored) {
      // already failing
    }
  }
}

package dev.sluice.core.spi;

import java.util.List;

/** Receives extracted rows. A connector calls {@link #schema} once, then {@link #row} per row. */
public interface RowSink {

  void schema(List<SourceColumn> columns) throws LoadException;

  /**
   * One row, values in schema order: String, Long, Integer, Double, BigDecimal, Boolean, LocalDate,
   * LocalDateTime, OffsetDateTime, UUID or null; anything else is stored as its text.
   */
  void row(Object[] values) throws LoadException;

  /** True once the load was cancelled: connectors stop reading. */
  boolean cancelled();
}

package dev.sluice.core.spi;

import java.util.List;

/** A table a source offers, with its columns in the warehouse's types where known. */
public record TableInfo(String name, List<SourceColumn> columns) {
  public TableInfo {
    columns = List.copyOf(columns);
  }
}

package dev.sluice.core.query;

import java.util.List;

/** A profile of every column of a query's result. */
public record TableProfile(long rows, List<ColumnProfile> columns, long millis) {
  public TableProfile {
    columns = List.copyOf(columns);
  }
}

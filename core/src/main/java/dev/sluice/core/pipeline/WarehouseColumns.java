package dev.sluice.core.pipeline;

import dev.sluice.core.compile.ColumnsLookup;
import dev.sluice.core.project.Column;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Columns as the warehouse knows them: of built relations, and of a query (DESCRIBE). */
final class WarehouseColumns implements ColumnsLookup {
  private final Warehouse warehouse;
  private final Catalog catalog;

  WarehouseColumns(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.catalog = catalog;
  }

  @Override
  public List<Column> ofRelation(Relation r) {
    if (r.cte() || catalog.kind(r).isEmpty()) {
      return List.of();
    }
    return warehouse.columns(r.schema(), r.identifier()).stream()
        .map(c -> new Column(c.name(), "", c.type()))
        .toList();
  }

  @Override
  public List<Column> ofQuery(String sql) {
    try (SqlSession s = SqlSession.open(warehouse)) {
      List<Map<String, Object>> rows = s.rows("describe " + sql, 10_000);
      return rows.stream()
          .map(
              row ->
                  new Column(
                      String.valueOf(row.get("column_name")),
                      "",
                      String.valueOf(row.get("column_type"))))
          .toList();
    } catch (SQLException | RuntimeException e) {
      // the query's own error shows when the test runs
      return List.of();
    }
  }
}

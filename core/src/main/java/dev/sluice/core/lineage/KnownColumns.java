package dev.sluice.core.lineage;

import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every relation's columns and types as the warehouse has them, read in one query (asking per
 * relation scans the catalog each time). Empty when nothing is built yet.
 */
public final class KnownColumns {
  private final Map<String, List<Warehouse.ColumnInfo>> byRelation;

  private KnownColumns(Map<String, List<Warehouse.ColumnInfo>> byRelation) {
    this.byRelation = byRelation;
  }

  public static KnownColumns none() {
    return new KnownColumns(Map.of());
  }

  public static KnownColumns read(Warehouse warehouse) {
    Map<String, List<Warehouse.ColumnInfo>> map = new HashMap<>();
    warehouse
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select table_schema, table_name, column_name, data_type, is_nullable"
                            + " from information_schema.columns"
                            + " where table_catalog = current_database()"
                            + " order by table_schema, table_name, ordinal_position")
                    .map(
                        (rs, ctx) -> {
                          map.computeIfAbsent(
                                  key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                              .add(
                                  new Warehouse.ColumnInfo(
                                      rs.getString(3),
                                      rs.getString(4),
                                      "YES".equals(rs.getString(5))));
                          return 0;
                        })
                    .list());
    return new KnownColumns(map);
  }

  /** The relation's columns in order; empty when it does not exist. */
  public List<Warehouse.ColumnInfo> of(Relation relation) {
    if (relation.cte()) {
      return List.of();
    }
    return byRelation.getOrDefault(key(relation.schema(), relation.identifier()), List.of());
  }

  private static String key(String schema, String name) {
    return schema.toLowerCase(Locale.ROOT) + "\u0000" + name.toLowerCase(Locale.ROOT);
  }
}

package dev.sluice.core.pipeline;

import dev.sluice.core.warehouse.Warehouse;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a warehouse file holds, for a catalog browser: its tables and views with their columns and,
 * for tables, row counts. {@link #problem} says why there is nothing to show (never built, in use
 * by another program, damaged), in words for the user.
 */
public record WarehouseTree(String path, List<Relation> relations, String problem) {

  /** A table or view; {@code rows} is empty for views and when counting was skipped. */
  public record Relation(
      String schema,
      String name,
      Warehouse.RelationKind kind,
      List<Warehouse.ColumnInfo> columns,
      OptionalLong rows) {

    /** {@code schema.name}, quoted only where an identifier needs it. */
    public String qualifiedName() {
      return plain(schema) + "." + plain(name);
    }

    private static String plain(String identifier) {
      return identifier.matches("[a-z_][a-z0-9_]*")
          ? identifier
          : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
  }

  public WarehouseTree {
    relations = List.copyOf(relations);
  }

  static WarehouseTree empty(String path, String problem) {
    return new WarehouseTree(path, List.of(), problem);
  }
}

package dev.sluice.core.lineage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a SELECT reads (its FROM clause), an enclosing scope for correlated subqueries, and
 * the select-list aliases defined so far (DuckDB lets later expressions use them). Finds what a
 * column name means, or says why it cannot.
 */
final class Scope {
  final List<Shape.Table> tables = new ArrayList<>();
  final Set<String> usingColumns = new LinkedHashSet<>();
  final List<Shape.Col> aliases = new ArrayList<>();
  private final Scope outer;

  Scope(Scope outer) {
    this.outer = outer;
  }

  /** A column reference's sources, as {@code column_names} of a COLUMN_REF list it. */
  Shape.Col resolve(List<String> names) {
    Shape.Col here = resolveHere(names);
    if (here != null && here.unknown() == null) {
      return here;
    }
    if (outer != null) {
      Shape.Col up = outer.resolve(names);
      if (up != null && up.unknown() == null) {
        return up;
      }
    }
    if (names.size() == 1) {
      for (Shape.Col a : aliases) {
        if (a.name().equalsIgnoreCase(names.get(0))) {
          return a;
        }
      }
    }
    return here != null
        ? here
        : new Shape.Col(
            String.join(".", names),
            Set.of(),
            "no column '" + String.join(".", names) + "' in " + describe());
  }

  private Shape.Col resolveHere(List<String> names) {
    if (names.size() >= 2) {
      // table.column, schema.table.column, or column.field of a struct
      String table = names.get(names.size() - 2);
      String column = names.get(names.size() - 1);
      for (Shape.Table t : tables) {
        if (t.alias().equalsIgnoreCase(table)) {
          return column(t, column);
        }
      }
      Shape.Col struct = resolveHere(List.of(names.get(0)));
      if (struct != null && struct.unknown() == null) {
        return new Shape.Col(names.get(0), struct.links(), null);
      }
      return null;
    }
    String name = names.get(0);
    List<Shape.Table> holding = new ArrayList<>();
    List<Shape.Table> open = new ArrayList<>();
    for (Shape.Table t : tables) {
      if (t.has(name)) {
        holding.add(t);
      } else if (t.shape().open()) {
        open.add(t);
      }
    }
    if (holding.size() == 1 && open.isEmpty()) {
      return column(holding.get(0), name);
    }
    if (holding.size() > 1 && open.isEmpty()) {
      if (usingColumns.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        return column(holding.get(0), name); // a using column is the left side's
      }
      return unknown(name, "'" + name + "' is in more than one of " + describe());
    }
    if (holding.isEmpty() && open.size() == 1 && tables.size() == 1) {
      return column(open.get(0), name); // the only table must hold it
    }
    if (!open.isEmpty()) {
      return unknown(
          name,
          "cannot tell whether '"
              + name
              + "' comes from "
              + String.join(", ", open.stream().map(Shape.Table::alias).toList())
              + ", whose columns are not known");
    }
    return null;
  }

  private static Shape.Col column(Shape.Table t, String name) {
    Shape.Col c = t.shape().find(name);
    if (c != null) {
      return c;
    }
    if (t.node() != null) {
      return new Shape.Col(name, Set.of(new Link(new ColumnRef(t.node(), name), How.COPIED)), null);
    }
    return unknown(
        name,
        t.shape().open()
            ? "'" + name + "' is not among the known columns of " + t.alias()
            : "no column '" + name + "' in " + t.alias());
  }

  private static Shape.Col unknown(String name, String why) {
    return new Shape.Col(name, Set.of(), why);
  }

  String describe() {
    if (tables.isEmpty()) {
      return "a query without FROM";
    }
    return String.join(", ", tables.stream().map(Shape.Table::alias).toList());
  }
}

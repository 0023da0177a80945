package dev.sluice.core.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a query or a table in a FROM clause yields while a model is analysed: its columns, each with
 * the external columns it comes from.
 *
 * @param open true when there may be more columns than listed
 */
record Shape(List<Col> cols, boolean open) {

  /** A column during analysis: its name, its sources so far, and why some are unknown. */
  record Col(String name, Set<Link> links, String unknown) {}

  Col find(String name) {
    for (Col c : cols) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  Shape renamed(List<String> aliases) {
    if (aliases.isEmpty()) {
      return this;
    }
    List<Col> out = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      Col c = cols.get(i);
      out.add(i < aliases.size() ? new Col(aliases.get(i), c.links(), c.unknown()) : c);
    }
    return new Shape(out, open);
  }

  /**
   * A table in a FROM clause under the name the query calls it.
   *
   * @param node the external relation it is, for columns beyond the known ones; null for a CTE or
   *     subquery
   * @param hidden columns a {@code select *} leaves out (the right side of {@code using})
   */
  record Table(String alias, Shape shape, String node, Set<String> hidden) {
    Table(String alias, Shape shape, String node) {
      this(alias, shape, node, new HashSet<>());
    }

    boolean has(String column) {
      return shape.find(column) != null;
    }

    void hide(String column) {
      hidden.add(column.toLowerCase(Locale.ROOT));
    }

    boolean isHidden(String column) {
      return hidden.contains(column.toLowerCase(Locale.ROOT));
    }
  }
}

package dev.sluice.core.lineage;

/**
 * One column of one node.
 *
 * @param node the node's unique id ({@code model.orders}), or {@code relation:schema.name} for a
 *     relation the project does not define
 */
public record ColumnRef(String node, String column) {

  /** {@code orders.amount}: the node's short name and the column. */
  public String display() {
    String n = node.startsWith("relation:") ? node.substring(9) : node;
    int dot = n.indexOf('.');
    return (node.startsWith("relation:") || dot < 0 ? n : n.substring(dot + 1)) + "." + column;
  }

  @Override
  public String toString() {
    return display();
  }
}

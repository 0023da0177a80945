package dev.sluice.core.warehouse;

/**
 * Where a node lives in the warehouse: a schema and a name. {@code toString()} is the quoted form
 * that goes into SQL, which is what {@code {{ ref('x') }}} prints.
 *
 * @param cte true for an ephemeral model, which is inlined as a CTE of this name, not a relation
 */
public record Relation(String schema, String identifier, boolean cte) {

  public static Relation table(String schema, String identifier) {
    return new Relation(schema, identifier, false);
  }

  public static Relation cte(String name) {
    return new Relation(null, name, true);
  }

  public String quoted() {
    if (cte) {
      return identifier;
    }
    return quote(schema) + "." + quote(identifier);
  }

  static String quote(String s) {
    return Sql.ident(s);
  }

  @Override
  public String toString() {
    return quoted();
  }
}

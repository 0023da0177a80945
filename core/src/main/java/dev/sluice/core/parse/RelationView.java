package dev.sluice.core.parse;

import dev.sluice.core.warehouse.Relation;

/**
 * What templates see for {@code ref()}, {@code source()} and {@code this}: prints as the quoted
 * relation and has bean getters so that {@code {{ this.schema }}} works in Jinjava.
 */
public final class RelationView {
  private final Relation relation;

  RelationView(Relation relation) {
    this.relation = relation;
  }

  public String getSchema() {
    return relation.schema();
  }

  public String getIdentifier() {
    return relation.identifier();
  }

  public String getName() {
    return relation.identifier();
  }

  public String getTable() {
    return relation.identifier();
  }

  public Relation relation() {
    return relation;
  }

  @Override
  public String toString() {
    return relation.quoted();
  }
}

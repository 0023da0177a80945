package dev.sluice.core.template;

import dev.sluice.core.warehouse.Relation;
import java.util.List;
import java.util.Map;

/**
 * What templates see for {@code ref()}, {@code source()} and {@code this}: prints as the quoted
 * relation and has bean getters so that {@code {{ this.schema }}} works in Jinjava, and dbt's
 * Relation methods ({@code incorporate}, {@code include}, {@code render}).
 */
public final class RelationView implements PyObject {
  private final Relation relation;
  private final String type;

  RelationView(Relation relation) {
    this(relation, "table");
  }

  RelationView(Relation relation, String type) {
    this.relation = relation;
    this.type = type;
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

  boolean isView() {
    return "view".equals(type);
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "schema" -> relation.schema();
      case "identifier", "name", "table" -> relation.identifier();
      case "database" -> "memory";
      case "type" -> type;
      case "is_table" -> "table".equals(type);
      case "is_view" -> isView();
      case "is_cte" -> relation.cte();
      default -> MISSING;
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "render" -> toString();
      case "include", "quote" -> this; // DuckDB relations print as schema.identifier either way
      case "incorporate" -> {
        Relation r = relation;
        String t = kwargs.get("type") == null ? type : kwargs.get("type").toString();
        if (kwargs.get("path") instanceof Map<?, ?> path) {
          Map<String, Object> p = (Map<String, Object>) path;
          String schema = p.get("schema") == null ? r.schema() : p.get("schema").toString();
          String id = p.get("identifier") == null ? r.identifier() : p.get("identifier").toString();
          r = r.cte() ? Relation.cte(id) : Relation.table(schema, id);
        }
        yield new RelationView(r, t);
      }
      default -> PyObject.super.call(method, args, kwargs);
    };
  }

  @Override
  public String describe() {
    return "relation";
  }

  @Override
  public String toString() {
    return relation.quoted();
  }
}

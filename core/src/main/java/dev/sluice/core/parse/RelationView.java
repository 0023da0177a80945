package dev.sluice.core.parse;

import dev.sluice.core.warehouse.Relation;
import java.util.List;
import java.util.Map;

/**
 * What templates see for {@code ref()}, {@code source()} and {@code this}: prints as the quoted
 * relation and has bean getters so that {@code {{ this.schema }}} works in Jinjava, and dbt's
 * Relation methods ({@code incorporate}, {@code include}, {@code render}).
 */
public final class RelationView extends java.util.AbstractMap<String, Object>
    implements PyObject, com.hubspot.jinjava.objects.serialization.PyishSerializable {
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
      case "database" -> RenderCall.database();
      case "type" -> type;
      case "is_table" -> "table".equals(type);
      case "is_view" -> isView();
      case "is_cte" -> relation.cte();
      case "metadata" -> Map.of("type", "DuckDBRelation");
      case "path" ->
          Map.of(
              "database",
              "memory",
              "schema",
              String.valueOf(relation.schema()),
              "identifier",
              relation.identifier());
      default -> MISSING;
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "render" -> toString();
      case "get" -> {
        Object v = attr(String.valueOf(args.get(0)));
        yield v == MISSING ? (args.size() > 1 ? args.get(1) : null) : v;
      }
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

  /** A mapping, as dbt's relations are (packages test {@code obj is mapping}). */
  @Override
  public java.util.Set<Map.Entry<String, Object>> entrySet() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (String k : List.of("database", "schema", "identifier", "type", "metadata")) {
      m.put(k, attr(k));
    }
    return m.entrySet();
  }

  @Override
  public Object get(Object key) {
    Object v = attr(String.valueOf(key));
    return v == MISSING ? null : v;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Appendable & CharSequence> T appendPyishString(T appendable) {
    try {
      return (T) appendable.append(toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelationView v && v.relation.equals(relation);
  }

  @Override
  public int hashCode() {
    return relation.hashCode();
  }

  @Override
  public String toString() {
    return relation.quoted();
  }
}

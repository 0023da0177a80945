package dev.sluice.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks one query's parse tree (CTEs, subqueries, joins, set operations, {@code select *} with
 * {@code exclude}, {@code replace} and {@code rename}) and says where each output column comes
 * from. Expressions are left to {@link ExpressionLineage}.
 */
final class QueryLineage {
  private final Upstream.Finder upstreams;
  final ExpressionLineage expressions;

  /** Join keys and filters met anywhere in the query. */
  final Set<Link> keys = new LinkedHashSet<>();

  QueryLineage(Upstream.Finder upstreams, SqlTrees trees) {
    this.upstreams = upstreams;
    this.expressions = new ExpressionLineage(this, trees);
  }

  /** The CTEs in reach, innermost first. */
  record Env(Map<String, Shape> ctes, Env parent, Scope outer) {
    static Env root() {
      return new Env(Map.of(), null, null);
    }

    Shape cte(String name) {
      for (Env e = this; e != null; e = e.parent) {
        Shape s = e.ctes.get(name.toLowerCase(Locale.ROOT));
        if (s != null) {
          return s;
        }
      }
      return null;
    }

    boolean hasCte(String name) {
      for (Env e = this; e != null; e = e.parent) {
        if (e.ctes.containsKey(name.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
  }

  Shape query(JsonNode node, Env env) {
    Env inner = withCtes(node.path("cte_map").path("map"), env);
    String type = node.path("type").asText();
    return switch (type) {
      case "SELECT_NODE" -> select(node, inner);
      case "SET_OPERATION_NODE" -> setOperation(node, inner);
      case "RECURSIVE_CTE_NODE" -> query(node.path("left"), inner);
      case "CTE_NODE" -> query(node.path("child"), inner);
      default -> new Shape(List.of(), true);
    };
  }

  private Env withCtes(JsonNode map, Env env) {
    if (map.isEmpty()) {
      return env;
    }
    Map<String, Shape> ctes = new HashMap<>();
    Env e = new Env(ctes, env, env.outer());
    for (JsonNode entry : map) {
      JsonNode value = entry.path("value");
      Shape s = query(value.path("query_node"), e).renamed(texts(value.path("aliases")));
      ctes.put(entry.path("key").asText().toLowerCase(Locale.ROOT), s);
    }
    return e;
  }

  private Shape setOperation(JsonNode node, Env env) {
    List<JsonNode> children = new ArrayList<>();
    node.path("children").forEach(children::add);
    if (children.isEmpty()) {
      if (!node.path("left").isNull() && !node.path("left").isMissingNode()) {
        children.add(node.path("left"));
      }
      if (!node.path("right").isNull() && !node.path("right").isMissingNode()) {
        children.add(node.path("right"));
      }
    }
    boolean byName = node.path("setop_type").asText().contains("BY_NAME");
    List<Shape> shapes = new ArrayList<>();
    for (JsonNode c : children) {
      shapes.add(query(c, env));
    }
    if (shapes.isEmpty()) {
      return new Shape(List.of(), true);
    }
    Shape first = shapes.get(0);
    List<Shape.Col> out = new ArrayList<>();
    boolean open = shapes.stream().anyMatch(Shape::open);
    for (int i = 0; i < first.cols().size(); i++) {
      Shape.Col c = first.cols().get(i);
      Set<Link> links = new LinkedHashSet<>(c.links());
      String unknown = c.unknown();
      for (Shape s : shapes.subList(1, shapes.size())) {
        Shape.Col other = byName ? s.find(c.name()) : i < s.cols().size() ? s.cols().get(i) : null;
        if (other == null) {
          unknown = unknown != null ? unknown : "a branch of the union has no matching column";
          continue;
        }
        links.addAll(other.links());
        unknown = unknown != null ? unknown : other.unknown();
      }
      out.add(new Shape.Col(c.name(), links, unknown));
    }
    return new Shape(out, open);
  }

  private Shape select(JsonNode node, Env env) {
    Scope scope = new Scope(env.outer());
    from(node.path("from_table"), env, scope);
    for (String clause : List.of("where_clause", "having", "qualify")) {
      keys(node.path(clause), scope, env, How.FILTER);
    }
    List<Shape.Col> out = new ArrayList<>();
    boolean open = false;
    for (JsonNode e : node.path("select_list")) {
      if ("STAR".equals(e.path("class").asText())) {
        open |= star(e, scope, env, out);
        continue;
      }
      Shape.Col c = expressions.column(e, scope, env);
      out.add(c);
      scope.aliases.add(c);
    }
    return new Shape(out, open);
  }

  /** Expands a star into {@code out}; true when some of the tables it covers are not known. */
  private boolean star(JsonNode e, Scope scope, Env env, List<Shape.Col> out) {
    if (e.path("columns").asBoolean(false) || !e.path("expr").isNull()) {
      out.add(new Shape.Col("*", Set.of(), "COLUMNS(...) is not followed"));
      return true;
    }
    String relation = e.path("relation_name").asText("");
    Set<String> excluded = new LinkedHashSet<>();
    e.path("exclude_list").forEach(x -> excluded.add(x.asText().toLowerCase(Locale.ROOT)));
    e.path("qualified_exclude_list")
        .forEach(x -> excluded.add(x.path("column").asText().toLowerCase(Locale.ROOT)));
    Map<String, JsonNode> replaced = new HashMap<>();
    e.path("replace_list")
        .forEach(
            x -> replaced.put(x.path("key").asText().toLowerCase(Locale.ROOT), x.path("value")));
    Map<String, String> renamed = new HashMap<>();
    e.path("rename_list")
        .forEach(
            x ->
                renamed.put(
                    x.path("key").path("column").asText().toLowerCase(Locale.ROOT),
                    x.path("value").asText()));
    boolean open = false;
    for (Shape.Table t : scope.tables) {
      if (!relation.isEmpty() && !t.alias().equalsIgnoreCase(relation)) {
        continue;
      }
      open |= t.shape().open();
      for (Shape.Col c : t.shape().cols()) {
        String key = c.name().toLowerCase(Locale.ROOT);
        if ((relation.isEmpty() && t.isHidden(c.name())) || excluded.contains(key)) {
          continue;
        }
        if (replaced.containsKey(key)) {
          Shape.Col r = expressions.column(replaced.get(key), scope, env);
          out.add(new Shape.Col(c.name(), r.links(), r.unknown()));
        } else {
          out.add(new Shape.Col(renamed.getOrDefault(key, c.name()), c.links(), c.unknown()));
        }
      }
    }
    return open;
  }

  private void from(JsonNode ref, Env env, Scope scope) {
    if (ref == null || ref.isNull() || ref.isMissingNode()) {
      return;
    }
    String alias = ref.path("alias").asText("");
    List<String> columnAliases = texts(ref.path("column_name_alias"));
    switch (ref.path("type").asText()) {
      case "EMPTY" -> {}
      case "BASE_TABLE" -> {
        String schema = ref.path("schema_name").asText("");
        String name = ref.path("table_name").asText();
        String as = alias.isEmpty() ? name : alias;
        if (schema.isEmpty() && env.hasCte(name)) {
          scope.tables.add(new Shape.Table(as, env.cte(name).renamed(columnAliases), null));
          return;
        }
        Upstream u =
            upstreams
                .find(schema, name)
                .orElse(
                    new Upstream(
                        "relation:" + (schema.isEmpty() ? "" : schema + ".") + name,
                        List.of(),
                        true));
        List<Shape.Col> cols = new ArrayList<>();
        for (String c : u.columns()) {
          cols.add(
              new Shape.Col(c, Set.of(new Link(new ColumnRef(u.node(), c), How.COPIED)), null));
        }
        scope.tables.add(
            new Shape.Table(as, new Shape(cols, u.open()).renamed(columnAliases), u.node()));
      }
      case "SUBQUERY" -> {
        Shape s = query(ref.path("subquery").path("node"), env).renamed(columnAliases);
        scope.tables.add(new Shape.Table(alias.isEmpty() ? "subquery" : alias, s, null));
      }
      case "JOIN" -> {
        from(ref.path("left"), env, scope);
        int leftCount = scope.tables.size();
        from(ref.path("right"), env, scope);
        keys(ref.path("condition"), scope, env, How.JOIN_KEY);
        for (JsonNode u : ref.path("using_columns")) {
          String col = u.asText();
          scope.usingColumns.add(col.toLowerCase(Locale.ROOT));
          for (int i = 0; i < scope.tables.size(); i++) {
            Shape.Table t = scope.tables.get(i);
            Shape.Col c = t.has(col) || t.node() != null ? resolveIn(t, col) : null;
            if (c != null) {
              c.links().forEach(l -> keys.add(new Link(l.from(), How.JOIN_KEY)));
            }
            if (i >= leftCount && t.has(col)) {
              t.hide(col);
            }
          }
        }
      }
      default ->
          // table functions, VALUES, PIVOT: their columns are not followed
          scope.tables.add(
              new Shape.Table(
                  alias.isEmpty() ? ref.path("type").asText().toLowerCase(Locale.ROOT) : alias,
                  new Shape(List.of(), true),
                  null));
    }
  }

  private static Shape.Col resolveIn(Shape.Table t, String col) {
    Scope single = new Scope(null);
    single.tables.add(t);
    Shape.Col c = single.resolve(List.of(col));
    return c.unknown() == null ? c : null;
  }

  private void keys(JsonNode expression, Scope scope, Env env, How how) {
    if (expression == null || expression.isNull() || expression.isMissingNode()) {
      return;
    }
    Shape.Col c = expressions.column(expression, scope, env);
    c.links().forEach(l -> keys.add(new Link(l.from(), how)));
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}

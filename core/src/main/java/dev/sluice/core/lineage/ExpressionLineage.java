package dev.sluice.core.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns one expression reads, and how: a bare column is a copy; inside an aggregate function
 * (as DuckDB lists them) an aggregate; inside a window function a window; anything else an
 * expression. Scalar subqueries are followed through {@link QueryLineage}.
 */
final class ExpressionLineage {
  private final QueryLineage queries;
  private final SqlTrees trees;

  ExpressionLineage(QueryLineage queries, SqlTrees trees) {
    this.queries = queries;
    this.trees = trees;
  }

  /** One select-list entry as an output column. */
  Shape.Col column(JsonNode e, Scope scope, QueryLineage.Env env) {
    Set<Link> links = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    boolean bare = "COLUMN_REF".equals(e.path("class").asText());
    walk(e, bare ? How.COPIED : How.EXPRESSION, scope, env, Set.of(), links, unknown);
    return new Shape.Col(nameOf(e), links, unknown.isEmpty() ? null : unknown.get(0));
  }

  private void walk(
      JsonNode e,
      How mode,
      Scope scope,
      QueryLineage.Env env,
      Set<String> bound,
      Set<Link> links,
      List<String> unknown) {
    if (e == null || e.isNull() || e.isMissingNode() || e.isValueNode()) {
      return;
    }
    if (e.isArray()) {
      for (JsonNode x : e) {
        walk(x, mode, scope, env, bound, links, unknown);
      }
      return;
    }
    String cls = e.path("class").asText("");
    switch (cls) {
      case "COLUMN_REF" -> {
        List<String> names = QueryLineage.texts(e.path("column_names"));
        if (names.size() == 1 && bound.contains(names.get(0).toLowerCase(Locale.ROOT))) {
          return; // a lambda's parameter
        }
        Shape.Col c = scope.resolve(names);
        if (c.unknown() != null) {
          unknown.add(c.unknown());
        }
        for (Link l : c.links()) {
          links.add(new Link(l.from(), How.stronger(l.how(), mode)));
        }
        return;
      }
      case "SUBQUERY" -> {
        Shape s =
            queries.query(
                e.path("subquery").path("node"),
                new QueryLineage.Env(java.util.Map.of(), env, scope));
        How m = How.stronger(mode, How.EXPRESSION);
        if (!s.cols().isEmpty()) {
          Shape.Col first = s.cols().get(0);
          first.links().forEach(l -> links.add(new Link(l.from(), How.stronger(l.how(), m))));
          if (first.unknown() != null) {
            unknown.add(first.unknown());
          }
        }
        walk(e.path("child"), m, scope, env, bound, links, unknown);
        return;
      }
      case "LAMBDA" -> {
        Set<String> inner = new HashSet<>(bound);
        collectNames(e.path("lhs"), inner);
        walk(e.path("expr"), How.stronger(mode, How.EXPRESSION), scope, env, inner, links, unknown);
        return;
      }
      case "WINDOW" -> {
        walkFields(e, How.stronger(mode, How.WINDOW), scope, env, bound, links, unknown);
        return;
      }
      case "FUNCTION" -> {
        How m = trees.isAggregate(e.path("function_name").asText()) ? How.AGGREGATE : mode;
        walkFields(e, How.stronger(m, How.EXPRESSION), scope, env, bound, links, unknown);
        return;
      }
      default ->
          walkFields(
              e,
              cls.isEmpty() ? mode : How.stronger(mode, How.EXPRESSION),
              scope,
              env,
              bound,
              links,
              unknown);
    }
  }

  private void walkFields(
      JsonNode e,
      How mode,
      Scope scope,
      QueryLineage.Env env,
      Set<String> bound,
      Set<Link> links,
      List<String> unknown) {
    for (Iterator<JsonNode> it = e.elements(); it.hasNext(); ) {
      walk(it.next(), mode, scope, env, bound, links, unknown);
    }
  }

  private static void collectNames(JsonNode e, Set<String> into) {
    if (e.isObject() && "COLUMN_REF".equals(e.path("class").asText())) {
      List<String> names = QueryLineage.texts(e.path("column_names"));
      into.add(names.get(names.size() - 1).toLowerCase(Locale.ROOT));
      return;
    }
    for (Iterator<JsonNode> it = e.elements(); it.hasNext(); ) {
      collectNames(it.next(), into);
    }
  }

  /** The name DuckDB gives an output column: its alias, a bare column's name, or the call. */
  static String nameOf(JsonNode e) {
    String alias = e.path("alias").asText("");
    if (!alias.isEmpty()) {
      return alias;
    }
    if ("COLUMN_REF".equals(e.path("class").asText())) {
      List<String> names = QueryLineage.texts(e.path("column_names"));
      return names.get(names.size() - 1);
    }
    String fn = e.path("function_name").asText("");
    return fn.isEmpty() ? e.path("class").asText().toLowerCase(Locale.ROOT) : fn + "(...)";
  }
}

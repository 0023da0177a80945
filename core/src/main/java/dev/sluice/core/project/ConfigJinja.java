package dev.sluice.core.project;

import com.hubspot.jinjava.Jinjava;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Jinja that dbt allows in {@code dbt_project.yml} configs, such as {@code
 * +materialized: "{{ 'view' if target.name == 'dev' else 'table' }}"} or {@code +enabled: "{{
 * target.type == 'duckdb' }}"}, with {@code target} and the project's {@code vars}. Values without
 * Jinja are left as they are.
 */
final class ConfigJinja {
  /** Made on first use: a project file without templates in its configs never starts Jinjava. */
  private static final class Engine {
    static final Jinjava JINJAVA = new Jinjava();
  }

  private ConfigJinja() {}

  static Map<String, Map<String, Object>> render(
      Map<String, Map<String, Object>> trees, Target target, Map<String, Object> vars) {
    Map<String, Object> context = new LinkedHashMap<>();
    Map<String, Object> t = new LinkedHashMap<>();
    if (target != null) {
      t.put("name", target.name());
      t.put("type", target.type());
      t.put("schema", target.schema());
      t.put("threads", target.threads());
    }
    context.put("target", t);
    context.put("vars", vars);
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    trees.forEach((k, v) -> out.put(k, map(v, context)));
    return out;
  }

  private static Map<String, Object> map(Map<String, Object> m, Map<String, Object> context) {
    Map<String, Object> out = new LinkedHashMap<>();
    // hooks are rendered when they run, with the node's context (this, model, ...)
    m.forEach(
        (k, v) ->
            out.put(k, k.replace('_', '-').matches("\\+?(pre|post)-hook") ? v : value(v, context)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object v, Map<String, Object> context) {
    if (v instanceof Map<?, ?> m) {
      return map((Map<String, Object>) m, context);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(value(x, context)));
      return out;
    }
    if (v instanceof String s && (s.contains("{{") || s.contains("{%"))) {
      String r = Engine.JINJAVA.render(s, context).strip();
      return switch (r.toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> r;
      };
    }
    return v;
  }
}

package dev.sluice.core.parse;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objects dbt puts in every template's context beside its functions: {@code adapter}, {@code
 * api}, {@code exceptions}, {@code modules}, {@code flags}, {@code graph}, {@code builtins}, {@code
 * dbt_version} and {@code execute}. Each lacks what Sluice does not do yet, and says so by name.
 */
final class DbtContext {
  static final String DBT_VERSION = "1.10.0";
  private static final String UNSUPPORTED = "is not supported yet";

  private DbtContext() {}

  static Map<String, Object> shared(
      Project project, String targetType, MacroLibrary library, Queries queries) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("adapter", adapter(targetType, library, queries));
    out.put("api", api());
    out.put("exceptions", exceptions());
    out.put("modules", Modules.object());
    out.put("flags", flags());
    out.put("dbt_version", DBT_VERSION);
    out.put("graph", new GraphView(project));
    DbtObject builtins = new DbtObject("builtins", UNSUPPORTED);
    builtins.fn("ref", (a, k, r) -> TemplateFunctions.ref(withRest(a, r)), "name", null);
    builtins.fn("source", (a, k, r) -> TemplateFunctions.source(withRest(a, r)), "name", null);
    builtins.fn("config", (a, k, r) -> "", "name", null);
    out.put("builtins", builtins);
    library.namespaces().forEach(out::put);
    return out;
  }

  private static Object[] withRest(Map<String, Object> a, List<Object> rest) {
    List<Object> all = new ArrayList<>();
    a.values().stream().filter(v -> v != null).forEach(all::add);
    all.addAll(rest);
    return all.toArray();
  }

  private static DbtObject adapter(String targetType, MacroLibrary library, Queries queries) {
    DbtObject a = new DbtObject("adapter", UNSUPPORTED);
    a.fn(
        "dispatch",
        (args, k, r) ->
            library.dispatch(
                String.valueOf(args.get("macro_name")),
                args.get("macro_namespace") == null ? null : args.get("macro_namespace").toString(),
                targetType),
        "macro_name",
        null,
        "macro_namespace",
        null);
    a.fn(
        "quote", (args, k, r) -> quote(String.valueOf(args.get("identifier"))), "identifier", null);
    a.fn("type", (args, k, r) -> targetType);
    a.fn(
        "get_columns_in_relation",
        (args, k, r) -> columns(queries, args.get("relation")),
        "relation",
        null);
    a.fn(
        "get_relation",
        (args, k, r) -> relation(queries, str(args.get("schema")), str(args.get("identifier"))),
        "database",
        null,
        "schema",
        null,
        "identifier",
        null);
    a.fn(
        "drop_relation",
        (args, k, r) -> {
          if (queries.executing() && args.get("relation") instanceof RelationView v) {
            queries.run(
                RenderCall.current(),
                "drop " + (v.isView() ? "view" : "table") + " if exists " + v);
          }
          return "";
        },
        "relation",
        null);
    return a;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static Object relation(Queries queries, String schema, String identifier) {
    if (!queries.executing() || schema == null || identifier == null) {
      return null;
    }
    Warehouse w = queries.warehouse();
    return w.relationKind(schema, identifier)
        .map(
            kind ->
                (Object)
                    new RelationView(
                        Relation.table(schema, identifier),
                        kind == Warehouse.RelationKind.VIEW ? "view" : "table"))
        .orElse(null);
  }

  private static List<Object> columns(Queries queries, Object relation) {
    List<Object> out = new ArrayList<>();
    if (!queries.executing() || !(relation instanceof RelationView v) || v.relation().cte()) {
      return out;
    }
    for (Warehouse.ColumnInfo c :
        queries.warehouse().columns(v.relation().schema(), v.relation().identifier())) {
      out.add(column(c.name(), c.type()));
    }
    return out;
  }

  private static boolean isStringType(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return t.contains("char") || t.contains("text") || t.contains("string");
  }

  /** A column as dbt's {@code Column} shows it to macros. */
  static DbtObject column(String name, String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    DbtObject c = new DbtObject("column " + name, UNSUPPORTED);
    c.put("name", name).put("column", name).put("data_type", type).put("dtype", type);
    c.put("quoted", quote(name));
    c.fn("is_string", (a, k, r) -> isStringType(t));
    c.fn("is_number", (a, k, r) -> t.matches(".*(int|decimal|numeric|double|float|real).*"));
    c.fn("is_integer", (a, k, r) -> t.contains("int"));
    c.fn("is_float", (a, k, r) -> t.matches(".*(double|float|real).*"));
    c.fn("is_numeric", (a, k, r) -> t.matches(".*(decimal|numeric).*"));
    // a size in the type, as in varchar(20) or decimal(18,3); dbt's char_size and numeric_*
    java.util.regex.Matcher sized =
        java.util.regex.Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)").matcher(t);
    Long first = null;
    Long second = null;
    if (sized.find()) {
      first = Long.parseLong(sized.group(1));
      second = sized.group(2) == null ? null : Long.parseLong(sized.group(2));
    }
    boolean string = isStringType(t);
    Long charSize = string ? first : null;
    c.put("char_size", charSize);
    c.put("numeric_precision", string ? null : first);
    c.put("numeric_scale", string ? null : second);
    c.fn(
        "string_size",
        (a, k, r) -> {
          if (!string) {
            throw new TemplateStop("string_size() called on the non-string column " + name);
          }
          return charSize == null ? 256L : charSize; // dbt's size for a string with none given
        });
    c.fn(
        "can_expand_to",
        (a, k, r) -> {
          if (!string
              || !(a.get("other_column") instanceof DbtObject o)
              || !isStringType(String.valueOf(o.attr("data_type")))) {
            return false;
          }
          long other = o.attr("char_size") instanceof Long l ? l : 256L;
          return (charSize == null ? 256L : charSize) < other;
        },
        "other_column",
        null);
    c.fn("literal", (a, k, r) -> a.get("value") + "::" + type, "value", null);
    return c;
  }

  private static DbtObject api() {
    DbtObject relation = new DbtObject("api.Relation", UNSUPPORTED);
    relation.fn(
        "create",
        (a, k, r) ->
            new RelationView(
                a.get("schema") == null
                    ? Relation.cte(String.valueOf(a.get("identifier")))
                    : Relation.table(
                        String.valueOf(a.get("schema")), String.valueOf(a.get("identifier"))),
                a.get("type") == null ? "table" : a.get("type").toString()),
        "database",
        null,
        "schema",
        null,
        "identifier",
        null,
        "type",
        null);
    DbtObject column = new DbtObject("api.Column", UNSUPPORTED);
    column.fn(
        "create",
        (a, k, r) -> column(str(a.get("name")), str(a.get("data_type"))),
        "name",
        null,
        "data_type",
        null);
    return new DbtObject("api", UNSUPPORTED).put("Relation", relation).put("Column", column);
  }

  private static DbtObject exceptions() {
    DbtObject e = new DbtObject("exceptions", UNSUPPORTED);
    e.fn(
        "raise_compiler_error",
        (a, k, r) -> {
          throw new TemplateStop("compilation error: " + a.get("msg"));
        },
        "msg",
        null);
    e.fn("warn", (a, k, r) -> "", "msg", null);
    e.fn(
        "raise_not_implemented",
        (a, k, r) -> {
          throw new TemplateStop("not implemented: " + a.get("msg"));
        },
        "msg",
        null);
    return e;
  }

  private static Map<String, Object> flags() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("FULL_REFRESH", false);
    f.put("STORE_FAILURES", false);
    f.put("WHICH", "build");
    f.put("DEBUG", false);
    f.put("WARN_ERROR", false);
    return f;
  }

  /** {@code graph.nodes}: every model, seed, snapshot and test by unique id, built on first use. */
  static final class GraphView implements PyObject {
    private final Project project;
    private Map<String, Object> nodes;

    GraphView(Project project) {
      this.project = project;
    }

    @Override
    public synchronized Object attr(String name) {
      RenderCall call = RenderCall.currentOrNull();
      if (call != null) {
        call.uncacheable = true; // what this rendering gives depends on every node
      }
      if (name.equals("nodes")) {
        if (nodes == null) {
          nodes = new LinkedHashMap<>();
          for (Node n : project.nodes()) {
            nodes.put(n.uniqueId(), ModelView.of(n, project.packageOf(n)));
          }
        }
        return nodes;
      }
      if (name.equals("sources") || name.equals("exposures") || name.equals("metrics")) {
        return new LinkedHashMap<>();
      }
      return MISSING;
    }

    @Override
    public String describe() {
      return "graph";
    }
  }
}

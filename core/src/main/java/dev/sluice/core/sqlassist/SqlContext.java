package dev.sluice.core.sqlassist;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Column;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.Seed;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.sqltext.SqlKeywords;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the assistant knows about a project and its warehouse: the names a model can ref, the
 * declared sources, the macros, every relation's columns and the functions. Immutable, so it is
 * built once off the UI thread and shared by every completion until the project or warehouse
 * changes.
 */
public final class SqlContext {
  private static final Pattern MACRO = Pattern.compile("\\{%-?\\s*macro\\s+(\\w+)\\s*\\(");
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  /** A name {@code ref()} accepts, with its kind as a user says it (model, seed, snapshot). */
  record Refable(String name, String kind, String description) {}

  /** A relation the warehouse holds. */
  record Table(String schema, String name) {}

  /** A function and its kind (scalar, aggregate, table, macro). */
  record Function(String name, String kind) {}

  private final List<Refable> refables;
  private final Map<String, List<String>> sources;
  private final List<String> macros;
  private final List<Table> tables;
  private final List<Function> functions;

  /** Lower-cased node name, relation name or {@code schema.name} to its columns. */
  private final Map<String, List<String>> columns;

  private SqlContext(
      List<Refable> refables,
      Map<String, List<String>> sources,
      List<String> macros,
      List<Table> tables,
      List<Function> functions,
      Map<String, List<String>> columns) {
    this.refables = List.copyOf(refables);
    Map<String, List<String>> s = new LinkedHashMap<>();
    sources.forEach((k, v) -> s.put(k, List.copyOf(v)));
    this.sources = java.util.Collections.unmodifiableMap(s);
    this.macros = List.copyOf(macros);
    this.tables = List.copyOf(tables);
    this.functions = List.copyOf(functions);
    Map<String, List<String>> c = new LinkedHashMap<>();
    columns.forEach((k, v) -> c.put(k, List.copyOf(v)));
    this.columns = java.util.Collections.unmodifiableMap(c);
  }

  /**
   * From the manifest only (refs, sources, macros, columns declared in schema files) plus fixed
   * lists.
   */
  public static SqlContext of(Manifest manifest) {
    return build(manifest, null);
  }

  /** Adds what the warehouse knows: every relation's columns and DuckDB's function names. */
  public static SqlContext load(Manifest manifest, Warehouse warehouse) {
    return build(manifest, warehouse);
  }

  private static SqlContext build(Manifest manifest, Warehouse warehouse) {
    Project project = manifest.project();
    Target target = project.settings().target(null);
    List<Refable> refables = new ArrayList<>();
    Map<String, List<String>> sources = new LinkedHashMap<>();
    Map<String, List<String>> declared = new LinkedHashMap<>();
    Map<String, Relation> relationOf = new LinkedHashMap<>();
    for (Node n : project.nodes()) {
      switch (n.kind()) {
        case MODEL, SEED, SNAPSHOT -> {
          refables.add(new Refable(n.name(), n.kind().label(), n.description()));
          relationOf.put(key(n.name()), Relations.of(n, target));
          declared.put(key(n.name()), declaredColumns(n));
        }
        case SOURCE -> {
          SourceTable t = (SourceTable) n;
          sources.computeIfAbsent(t.sourceName(), k -> new ArrayList<>()).add(t.name());
          relationOf.put(sourceKey(t.sourceName(), t.name()), Relations.of(n, target));
          declared.put(sourceKey(t.sourceName(), t.name()), names(t.columns()));
        }
        case TEST, EXPORT -> {
          // tests and exports are not read by other SQL
        }
      }
    }
    List<String> macros = new ArrayList<>();
    for (Project.MacroFile f : project.macros()) {
      Matcher m = MACRO.matcher(f.text());
      while (m.find()) {
        if (!macros.contains(m.group(1))) {
          macros.add(m.group(1));
        }
      }
    }
    List<Table> tables = new ArrayList<>();
    List<Function> functions = new ArrayList<>();
    Map<String, List<String>> built = new LinkedHashMap<>();
    if (warehouse != null) {
      readCatalog(warehouse, target.schema(), tables, built);
      functions.addAll(readFunctions(warehouse));
    }
    if (functions.isEmpty()) {
      SqlKeywords.FUNCTIONS.forEach(f -> functions.add(new Function(f, "function")));
    }
    // what is built wins over what a schema file says; nodes not built yet fall back to their
    // schema file
    Map<String, List<String>> columns = new LinkedHashMap<>(built);
    declared.forEach(
        (k, declaredCols) -> {
          Relation r = relationOf.get(k);
          List<String> fromWarehouse =
              r == null || r.cte() ? null : built.get(key(r.schema() + "." + r.identifier()));
          List<String> best = fromWarehouse != null ? fromWarehouse : declaredCols;
          if (!best.isEmpty()) {
            columns.put(k, best);
          }
        });
    return new SqlContext(refables, sources, macros, tables, functions, columns);
  }

  private static void readCatalog(
      Warehouse warehouse,
      String targetSchema,
      List<Table> tables,
      Map<String, List<String>> columns) {
    warehouse
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select table_schema, table_name, column_name from information_schema.columns"
                            + " where table_catalog = current_database() and table_schema <> :meta"
                            + " order by table_schema, table_name, ordinal_position")
                    .bind("meta", Warehouse.META_SCHEMA)
                    .map(
                        (rs, ctx) ->
                            new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(
                        row -> {
                          String qualified = key(row[0] + "." + row[1]);
                          if (!columns.containsKey(qualified)) {
                            tables.add(new Table(row[0], row[1]));
                          }
                          columns.computeIfAbsent(qualified, k -> new ArrayList<>()).add(row[2]);
                        }));
    // a bare name means the target schema's relation first, as plain SQL in that schema does
    List<Table> ordered = new ArrayList<>(tables);
    ordered.sort(java.util.Comparator.comparing(t -> !t.schema().equalsIgnoreCase(targetSchema)));
    for (Table t : ordered) {
      columns.putIfAbsent(key(t.name()), columns.get(key(t.schema() + "." + t.name())));
    }
  }

  private static List<Function> readFunctions(Warehouse warehouse) {
    List<Function> out = new ArrayList<>();
    warehouse
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select function_name, min(function_type) from duckdb_functions()"
                            + " where function_type in ('scalar', 'aggregate', 'table', 'macro', 'table_macro')"
                            + " group by function_name order by function_name")
                    .map((rs, ctx) -> new Function(rs.getString(1), rs.getString(2)))
                    .forEach(
                        f -> {
                          if (NAME.matcher(f.name()).matches()) {
                            out.add(f);
                          }
                        }));
    return out;
  }

  private static List<String> declaredColumns(Node n) {
    return switch (n.kind()) {
      case MODEL -> names(((Model) n).columns());
      case SEED -> names(((Seed) n).columns());
      case SOURCE -> names(((SourceTable) n).columns());
      case SNAPSHOT, TEST, EXPORT -> List.of();
    };
  }

  private static List<String> names(List<Column> cols) {
    return cols.stream().map(Column::name).toList();
  }

  static String key(String name) {
    return name.replace("\"", "").toLowerCase(Locale.ROOT);
  }

  static String sourceKey(String source, String table) {
    return "source:" + key(source) + "." + key(table);
  }

  /**
   * The columns of a node (by name) or a relation ({@code name}, {@code schema.name} or {@code
   * db.schema.name}, quoted or not), case-insensitive; empty when unknown.
   */
  public List<String> columnsOf(String relationOrNodeName) {
    String k = key(relationOrNodeName.strip());
    while (true) {
      List<String> c = columns.get(k);
      if (c != null) {
        return c;
      }
      int dot = k.indexOf('.');
      if (dot < 0) {
        return List.of();
      }
      k = k.substring(dot + 1);
    }
  }

  /** The columns of a declared source table; empty when unknown. */
  public List<String> columnsOfSource(String source, String table) {
    return Optional.ofNullable(columns.get(sourceKey(source, table))).orElse(List.of());
  }

  List<Refable> refables() {
    return refables;
  }

  /** Source name to its table names, in declaration order. */
  Map<String, List<String>> sources() {
    return sources;
  }

  List<String> macros() {
    return macros;
  }

  List<Table> tables() {
    return tables;
  }

  List<Function> functions() {
    return functions;
  }
}

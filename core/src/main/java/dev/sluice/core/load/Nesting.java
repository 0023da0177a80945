package dev.sluice.core.load;

import dev.sluice.core.spi.LoadException;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nested records (JSON files, REST): by default a raw table keeps DuckDB's STRUCT and LIST types.
 * {@code max_nesting: N} keeps a column nested deeper than N levels as JSON text; {@code normalize:
 * child_tables} moves each list column into a child table {@code <table>__<column>}, one row per
 * element, linked to its parent row by {@code _sluice_parent_id} = the parent's {@code
 * _sluice_row_id}, as dlt does for people whose BI tools want flat tables.
 */
final class Nesting {
  static final String ROW_ID = "_sluice_row_id";
  static final String PARENT_ID = "_sluice_parent_id";

  private final Integer maxNesting;
  private final boolean childTables;
  private final Map<String, String> childStages = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  private Nesting(Integer maxNesting, boolean childTables) {
    this.maxNesting = maxNesting;
    this.childTables = childTables;
  }

  static Nesting of(Map<String, Object> settings, String where) throws LoadException {
    Object mn = settings.get("max_nesting");
    Integer max = null;
    if (mn != null) {
      try {
        max = Integer.parseInt(mn.toString().strip());
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max < 0) {
        throw new LoadException(
            "source " + where + ": max_nesting must be a whole number, 0 or more; found " + mn);
      }
    }
    Object n = settings.get("normalize");
    boolean child = false;
    if (n != null) {
      String v = n.toString().strip().toLowerCase(Locale.ROOT);
      if (v.equals("child_tables")) {
        child = true;
      } else if (!v.equals("none")) {
        throw new LoadException(
            "source " + where + ": normalize '" + n + "' is not one of none, child_tables");
      }
    }
    return new Nesting(max, child);
  }

  boolean active() {
    return maxNesting != null || childTables;
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * Before the load's transaction: deep columns become JSON, and list columns move from the stage
   * into child stages, the stage's rows getting their {@code _sluice_row_id}.
   */
  void prepare(SqlSession s, Warehouse w, String schema, String stage, List<String> primaryKey)
      throws SQLException {
    String rel = w.relation(schema, stage);
    Map<String, String> types = types(s, rel);
    if (maxNesting != null) {
      List<String> deep = new ArrayList<>();
      for (Map.Entry<String, String> c : types.entrySet()) {
        if (depth(c.getValue()) > maxNesting) {
          deep.add("to_json(" + w.quote(c.getKey()) + ") as " + w.quote(c.getKey()));
          c.setValue("JSON");
        }
      }
      if (!deep.isEmpty()) {
        s.execute(
            "create or replace table "
                + rel
                + " as select * replace ("
                + String.join(", ", deep)
                + ") from "
                + rel);
      }
    }
    if (!childTables) {
      return;
    }
    List<String> lists =
        types.entrySet().stream()
            .filter(e -> e.getValue().endsWith("[]"))
            .map(Map.Entry::getKey)
            .toList();
    if (lists.isEmpty()) {
      return;
    }
    String id =
        primaryKey.isEmpty()
            ? "gen_random_uuid()::varchar"
            : "md5(concat_ws('|', "
                + String.join(", ", primaryKey.stream().map(k -> w.quote(k) + "::varchar").toList())
                + "))";
    s.execute(
        "create or replace table "
            + rel
            + " as select columns(lambda c: c != '"
            + ROW_ID
            + "'), "
            + id
            + " as "
            + ROW_ID
            + " from "
            + rel);
    for (String list : lists) {
      String col = w.quote(list);
      String child = w.relation(schema, stage + "__" + list);
      String elements =
          "select "
              + ROW_ID
              + " as "
              + PARENT_ID
              + ", unnest(generate_series(1, len("
              + col
              + "))) as _sluice_list_idx, unnest("
              + col
              + ") as _sluice_item from "
              + rel;
      boolean structs = types.get(list).startsWith("STRUCT(");
      s.execute(
          "create or replace table "
              + child
              + " as select "
              + PARENT_ID
              + ", _sluice_list_idx, "
              + (structs ? "unnest(_sluice_item)" : "_sluice_item as value")
              + " from ("
              + elements
              + ")");
      s.execute("alter table " + rel + " drop column " + col);
      childStages.put(list, child);
    }
  }

  /**
   * Inside the load's transaction: each child table gets this load's elements. A merge replaces the
   * elements of the parents it loads; a replace (or a full refresh) rebuilds the child table.
   */
  void write(
      SqlSession s,
      Warehouse w,
      String schema,
      String identifier,
      String parentStage,
      boolean rebuild,
      String loadId)
      throws SQLException {
    for (Map.Entry<String, String> c : childStages.entrySet()) {
      String name = identifier + "__" + c.getKey();
      String target = w.relation(schema, name);
      String rows =
          "select *, "
              + LoadState.lit(loadId)
              + " as _sluice_load_id, current_timestamp::timestamp as _sluice_loaded_at from "
              + c.getValue();
      boolean exists =
          s.count(
                  "select 1 from information_schema.tables where table_schema = "
                      + LoadState.lit(schema)
                      + " and table_name = "
                      + LoadState.lit(name))
              > 0;
      if (!exists || rebuild) {
        s.execute("create or replace table " + target + " as " + rows);
      } else {
        s.execute(
            "delete from "
                + target
                + " where "
                + PARENT_ID
                + " in (select "
                + ROW_ID
                + " from "
                + parentStage
                + ")");
        Map<String, String> have = types(s, target);
        for (Map.Entry<String, String> col : types(s, c.getValue()).entrySet()) {
          if (!have.containsKey(col.getKey())) {
            s.execute(
                "alter table "
                    + target
                    + " add column "
                    + w.quote(col.getKey())
                    + " "
                    + col.getValue());
          }
        }
        s.execute("insert into " + target + " by name " + rows);
      }
      long n = s.count("select 1 from " + c.getValue());
      notes.add(n + (n == 1 ? " element" : " elements") + " of " + c.getKey() + " into " + name);
    }
  }

  /** Drops the child stages (they are named for their load, so a leftover one is harmless). */
  void cleanUp(SqlSession s) {
    for (String child : childStages.values()) {
      try {
        s.execute("drop table if exists " + child);
      } catch (SQLException ignored) {
        // named for its load; harmless
      }
    }
  }

  private static Map<String, String> types(SqlSession s, String relation) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> r :
        s.rows(
            "select column_name, column_type from (describe " + relation + ")",
            Integer.MAX_VALUE)) {
      String name = String.valueOf(r.get("column_name"));
      if (!name.startsWith("_sluice_")) {
        out.put(name, String.valueOf(r.get("column_type")).toUpperCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** How deeply a DuckDB type nests: {@code BIGINT} 0, {@code VARCHAR[]} 1, a list of structs 2. */
  static int depth(String type) {
    String t = type.strip();
    if (t.endsWith("]")) {
      return 1 + depth(t.substring(0, t.lastIndexOf('[')));
    }
    int open = t.indexOf('(');
    String head = open < 0 ? t : t.substring(0, open).strip().toUpperCase(Locale.ROOT);
    if (open < 0 || !(head.equals("STRUCT") || head.equals("MAP") || head.equals("UNION"))) {
      return 0;
    }
    String inner = t.substring(open + 1, t.lastIndexOf(')'));
    int deepest = 0;
    int level = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i <= inner.length(); i++) {
      char ch = i < inner.length() ? inner.charAt(i) : ',';
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && (ch == '(' || ch == '[')) {
        level++;
      } else if (!quoted && (ch == ')' || ch == ']')) {
        level--;
      } else if (!quoted && level == 0 && ch == ',') {
        String field = inner.substring(start, i).strip();
        // "name TYPE" in a struct, just "TYPE" in a map
        String fieldType = head.equals("MAP") ? field : afterName(field);
        deepest = Math.max(deepest, depth(fieldType));
        start = i + 1;
      }
    }
    return 1 + deepest;
  }

  private static String afterName(String field) {
    if (field.startsWith("\"")) {
      int end = field.indexOf('"', 1);
      return end < 0 ? field : field.substring(end + 1).strip();
    }
    int sp = field.indexOf(' ');
    return sp < 0 ? field : field.substring(sp + 1).strip();
  }
}

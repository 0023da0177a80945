package dev.sluice.core.load;

import dev.sluice.core.project.SourceTable;
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
 * How one load's staged rows differ from the raw table, settled by the table's {@link Contract}
 * before anything is written: new columns are added, discarded or refused; a value that does not
 * fit its column's type goes to a variant column ({@code amount__v_text}), loses its row or its
 * value, or stops the load. A column's type only ever widens without loss (INTEGER to BIGINT, DATE
 * to TIMESTAMP); it never turns into text because of one bad value.
 */
final class Drift {
  private final SqlSession s;
  private final Warehouse w;
  private final SourceTable table;
  private final Contract contract;
  private final String stage;
  private final String target;
  private final List<String> notes = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();

  /**
   * Load columns a connector may stage that the raw table keeps: the file a row came from, and a
   * change stream's position and delete mark.
   */
  static final Map<String, String> CARRIED =
      Map.of(
          "_sluice_file",
          "varchar",
          "_sluice_lsn",
          "bigint",
          "_sluice_deleted",
          "boolean",
          "_sluice_row_id",
          "varchar");

  Drift(
      SqlSession s,
      Warehouse w,
      SourceTable table,
      Contract contract,
      String stage,
      String target) {
    this.s = s;
    this.w = w;
    this.table = table;
    this.contract = contract;
    this.stage = stage;
    this.target = target;
  }

  /** What this load changed or refused, for the load report: {@code new column channel VARCHAR}. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** The DDL the raw table needs, run inside the load's transaction. */
  List<String> changes() {
    return List.copyOf(changes);
  }

  /**
   * Rewrites the stage to fit the raw table by the contract, or refuses with the file and column.
   */
  void fit() throws SQLException, LoadException {
    Map<String, String> incoming = types(stage);
    Map<String, String> existing = types(target);
    List<String> staged = s.columnNames(stage);
    boolean files = staged.contains("_sluice_file");
    List<String> targetColumns = s.columnNames(target);
    for (Map.Entry<String, String> m : CARRIED.entrySet()) {
      if (staged.contains(m.getKey()) && !targetColumns.contains(m.getKey())) {
        changes.add("alter table " + target + " add column " + m.getKey() + " " + m.getValue());
      }
    }
    for (Map.Entry<String, String> c : incoming.entrySet()) {
      String col = w.quote(c.getKey());
      String have = existing.get(c.getKey());
      if (have == null) {
        newColumn(c.getKey(), c.getValue(), files);
      } else if (!have.equals(c.getValue()) && !Applier.fits(c.getValue(), have) && !allNull(col)) {
        if (Applier.widens(have, c.getValue()) && !c.getValue().equals("VARCHAR")) {
          if (contract.dataType() == Contract.Mode.FREEZE) {
            throw refused(
                "column "
                    + c.getKey()
                    + " changed type from "
                    + have
                    + " to "
                    + c.getValue()
                    + " and the contract freezes data types",
                files ? col + " is not null" : null);
          }
          notes.add("column " + c.getKey() + " widens from " + have + " to " + c.getValue());
          changes.add("alter table " + target + " alter column " + col + " type " + c.getValue());
        } else {
          misfits(c.getKey(), have, c.getValue(), existing, files);
        }
      }
    }
  }

  private void newColumn(String name, String type, boolean files)
      throws SQLException, LoadException {
    String col = w.quote(name);
    switch (contract.columns()) {
      case EVOLVE -> {
        notes.add("new column " + name + " " + type);
        changes.add("alter table " + target + " add column " + col + " " + type);
      }
      case FREEZE ->
          throw refused(
              "new column "
                  + name
                  + " "
                  + type
                  + ", and the contract is freeze for columns; update the contract or the source",
              files ? col + " is not null" : null);
      case DISCARD_VALUE -> {
        s.execute("alter table " + stage + " drop column " + col);
        notes.add("new column " + name + " discarded");
      }
      case DISCARD_ROW -> {
        long n = s.execute("delete from " + stage + " where " + col + " is not null");
        s.execute("alter table " + stage + " drop column " + col);
        notes.add(rows(n) + " rejected for the new column " + name);
      }
    }
  }

  /** Values of {@code name} that do not fit the raw column's type {@code have}. */
  private void misfits(
      String name, String have, String incoming, Map<String, String> existing, boolean files)
      throws SQLException, LoadException {
    String col = w.quote(name);
    String bad = col + " is not null and try_cast(" + col + "::varchar as " + have + ") is null";
    long n = s.count("select 1 from " + stage + " where " + bad);
    String cast = "try_cast(" + col + "::varchar as " + have + ") as " + col;
    if (n == 0) {
      rewrite(cast, "");
      return;
    }
    String what = values(n) + " of " + name + " did not fit " + have;
    switch (contract.dataType()) {
      case FREEZE ->
          throw refused(
              "column "
                  + name
                  + " changed type from "
                  + have
                  + " to "
                  + incoming
                  + " ("
                  + what
                  + ") and the contract freezes data types; fix the source or rebuild the table"
                  + " with --full-refresh",
              files ? bad : null);
      case EVOLVE -> {
        String variant = name + "__v_" + suffix(incoming);
        String v = w.quote(variant);
        rewrite(cast, ", case when " + bad + " then " + col + " end as " + v);
        if (!existing.containsKey(variant)) {
          changes.add("alter table " + target + " add column " + v + " " + incoming);
        }
        notes.add(what + " and went to " + variant);
      }
      case DISCARD_ROW -> {
        s.execute("delete from " + stage + " where " + bad);
        rewrite(cast, "");
        notes.add(rows(n) + " rejected (" + name + " did not fit " + have + ")");
      }
      case DISCARD_VALUE -> {
        rewrite(cast, "");
        notes.add(what + " and " + (n == 1 ? "was" : "were") + " dropped");
      }
    }
  }

  private void rewrite(String replace, String extra) throws SQLException {
    s.execute(
        "create or replace table "
            + stage
            + " as select * replace ("
            + replace
            + ")"
            + extra
            + " from "
            + stage);
  }

  private LoadException refused(String what, String fileCondition) throws SQLException {
    String file = null;
    if (fileCondition != null) {
      Object f =
          s.rows("select min(_sluice_file) as f from " + stage + " where " + fileCondition, 1)
              .get(0)
              .get("f");
      file = f == null ? null : f.toString();
    }
    return new LoadException(
        "source " + table.qualifiedName() + ": " + (file == null ? "" : file + ": ") + what);
  }

  private boolean allNull(String quoted) throws SQLException {
    return s.count("select 1 from " + stage + " where " + quoted + " is not null limit 1") == 0;
  }

  private Map<String, String> types(String relation) throws SQLException {
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

  /** dlt's names for variant columns: {@code text}, {@code bool}, {@code bigint}, ... */
  static String suffix(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    if (t.equals("VARCHAR")) {
      return "text";
    }
    if (t.equals("BOOLEAN")) {
      return "bool";
    }
    if (List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT").contains(t)) {
      return "bigint";
    }
    if (t.startsWith("DECIMAL")) {
      return "decimal";
    }
    if (t.startsWith("TIMESTAMP")) {
      return "timestamp";
    }
    return t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static String rows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  private static String values(long n) {
    return n + (n == 1 ? " value" : " values");
  }
}

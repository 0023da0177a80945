package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Type 2 slowly changing dimensions, dbt's snapshot semantics: each version of a row carries {@code
 * dbt_valid_from} and {@code dbt_valid_to} (null for the current one). The {@code timestamp}
 * strategy compares {@code updated_at}; {@code check} compares {@code check_cols}.
 */
final class Snapshots {
  private static final String INCOMING = "\"__sluice_snapshot_incoming\"";
  private final SqlSession session;

  Snapshots(SqlSession session) {
    this.session = session;
  }

  BuildResult build(CompiledNode compiled) throws SQLException, BuildException {
    NodeConfig c = compiled.node().config();
    String name = compiled.node().name();
    List<String> key = c.uniqueKey();
    if (key.isEmpty()) {
      throw new BuildException("snapshot " + name + " needs unique_key in its config");
    }
    String strategy =
        c.string("strategy") == null ? "timestamp" : c.string("strategy").toLowerCase(Locale.ROOT);
    String updatedAt = c.string("updated_at");
    if (strategy.equals("timestamp") && updatedAt == null) {
      throw new BuildException(
          "snapshot " + name + " uses the timestamp strategy and needs updated_at in its config");
    }
    Relation rel = compiled.relation();
    session.createSchemaIfMissing(Materializer.quote(rel.schema()));
    String version =
        strategy.equals("timestamp")
            ? "cast(" + Materializer.quote(updatedAt) + " as timestamp)"
            : "cast(current_timestamp as timestamp)";
    session.begin();
    try {
      session.execute(
          "create or replace temp table "
              + INCOMING
              + " as select *, "
              + version
              + " as __sluice_version from (\n"
              + compiled.sql()
              + "\n) as src");
      List<String> cols = new ArrayList<>(session.columnNames(INCOMING));
      cols.remove("__sluice_version");
      boolean exists =
          !session
              .rows(
                  "select 1 from information_schema.tables where table_schema = "
                      + Materializer.literal(rel.schema())
                      + " and table_name = "
                      + Materializer.literal(rel.identifier())
                      + " and table_catalog = current_database()",
                  1)
              .isEmpty();
      String scdId =
          "md5("
              + String.join(
                  " || '|' || ",
                  key.stream()
                      .map(k -> "cast(i." + Materializer.quote(k) + " as varchar)")
                      .toList())
              + " || '|' || cast(i.__sluice_version as varchar))";
      String colList = String.join(", ", cols.stream().map(Materializer::quote).toList());
      String iCols =
          String.join(", ", cols.stream().map(x -> "i." + Materializer.quote(x)).toList());
      String select =
          "select "
              + iCols
              + ", "
              + scdId
              + " as dbt_scd_id, i.__sluice_version as dbt_updated_at,"
              + " i.__sluice_version as dbt_valid_from, cast(null as timestamp) as dbt_valid_to from "
              + INCOMING
              + " as i";
      long changed;
      if (!exists) {
        session.execute("create table " + rel + " as " + select);
        changed = session.count("select * from " + rel);
      } else {
        String sameKey =
            String.join(
                " and ",
                key.stream()
                    .map(k -> "s." + Materializer.quote(k) + " = i." + Materializer.quote(k))
                    .toList());
        String differs =
            strategy.equals("timestamp")
                ? "i.__sluice_version > s.dbt_updated_at"
                : checkCondition(c, cols);
        long closed =
            session.execute(
                "update "
                    + rel
                    + " as s set dbt_valid_to = i.__sluice_version from "
                    + INCOMING
                    + " as i where "
                    + sameKey
                    + " and s.dbt_valid_to is null and ("
                    + differs
                    + ")");
        long inserted =
            session.execute(
                "insert into "
                    + rel
                    + " ("
                    + colList
                    + ", dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to) "
                    + select
                    + " where not exists (select 1 from "
                    + rel
                    + " as s where "
                    + sameKey
                    + " and s.dbt_valid_to is null)");
        long deleted = 0;
        String hard = String.valueOf(c.get("hard_deletes"));
        if (c.bool("invalidate_hard_deletes", false) || hard.equals("invalidate")) {
          deleted =
              session.execute(
                  "update "
                      + rel
                      + " as s set dbt_valid_to = cast(current_timestamp as timestamp)"
                      + " where s.dbt_valid_to is null and not exists (select 1 from "
                      + INCOMING
                      + " as i where "
                      + sameKey
                      + ")");
        }
        changed = Math.max(closed, 0) + Math.max(inserted, 0) + Math.max(deleted, 0);
      }
      session.execute("drop table " + INCOMING);
      session.commit();
      return new BuildResult(changed, "snapshotted " + rel.schema() + "." + rel.identifier());
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw e;
    }
  }

  private static String checkCondition(NodeConfig c, List<String> cols) {
    List<String> check = NodeConfig.asStrings(c.get("check_cols"));
    if (check.isEmpty() || (check.size() == 1 && check.get(0).equalsIgnoreCase("all"))) {
      check = cols;
    }
    return String.join(
        " or ",
        check.stream()
            .map(x -> "s." + Materializer.quote(x) + " is distinct from i." + Materializer.quote(x))
            .toList());
  }
}

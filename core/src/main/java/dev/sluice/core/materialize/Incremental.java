package dev.sluice.core.materialize;

import dev.sluice.core.project.Model;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.SqlSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds a model's new rows to its existing table: merged on {@code unique_key} (rows with a key
 * already present are replaced) or appended. New columns follow {@code on_schema_change}.
 */
final class Incremental {
  private final SqlSession session;

  Incremental(SqlSession session) {
    this.session = session;
  }

  BuildResult merge(Model model, Relation rel, String sql) throws SQLException, BuildException {
    String staged = Materializer.quote(rel.identifier() + "__sluice_incoming");
    session.begin();
    try {
      session.execute("create or replace temp table " + staged + " as\n" + sql);
      List<String> incoming = session.columnNames(staged);
      List<String> existing = session.columnNames(rel.toString());
      List<String> added = new ArrayList<>();
      for (String c : incoming) {
        if (existing.stream().noneMatch(e -> e.equalsIgnoreCase(c))) {
          added.add(c);
        }
      }
      String policy =
          String.valueOf(model.config().get("on_schema_change")).toLowerCase(Locale.ROOT);
      if (!added.isEmpty()) {
        switch (policy) {
          case "fail" ->
              throw new BuildException(
                  "model "
                      + model.name()
                      + " has new columns "
                      + added
                      + " and on_schema_change is 'fail'; rebuild it with --full-refresh or change the setting");
          case "append_new_columns", "sync_all_columns" -> {
            for (String c : added) {
              String type =
                  String.valueOf(
                      session
                          .rows(
                              "select column_type from (describe "
                                  + staged
                                  + ") where column_name = "
                                  + Materializer.literal(c),
                              1)
                          .get(0)
                          .get("column_type"));
              session.execute(
                  "alter table " + rel + " add column " + Materializer.quote(c) + " " + type);
              existing.add(c);
            }
          }
          default -> {} // ignore: new columns are left out, as dbt does
        }
      }
      List<String> shared = new ArrayList<>();
      for (String c : incoming) {
        if (existing.stream().anyMatch(e -> e.equalsIgnoreCase(c))) {
          shared.add(Materializer.quote(c));
        }
      }
      List<String> key = model.config().uniqueKey();
      if (!key.isEmpty()) {
        StringBuilder on = new StringBuilder();
        for (String k : key) {
          if (on.length() > 0) {
            on.append(" and ");
          }
          on.append(rel)
              .append('.')
              .append(Materializer.quote(k))
              .append(" = ")
              .append(staged)
              .append('.')
              .append(Materializer.quote(k));
        }
        session.execute("delete from " + rel + " using " + staged + " where " + on);
      }
      String cols = String.join(", ", shared);
      long rows =
          session.execute(
              "insert into " + rel + " (" + cols + ") select " + cols + " from " + staged);
      session.execute("drop table " + staged);
      session.commit();
      return new BuildResult(
          Math.max(rows, 0),
          (key.isEmpty() ? "appended to " : "merged into ")
              + rel.schema()
              + "."
              + rel.identifier());
    } catch (SQLException | BuildException e) {
      session.rollbackQuietly();
      throw e;
    }
  }
}

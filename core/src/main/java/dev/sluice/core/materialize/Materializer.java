package dev.sluice.core.materialize;

import dev.sluice.core.compile.CompiledNode;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Seed;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse.RelationKind;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Builds models and seeds into the warehouse. Tables are built under a temporary name and swapped
 * in within one transaction, so a failed build leaves the previous table as it was.
 */
public final class Materializer {
  static final String NEW_SUFFIX = "__sluice_new";

  private final SqlSession session;
  private final Path projectRoot;
  private final Catalog catalog;

  public Materializer(SqlSession session, Path projectRoot, Catalog catalog) {
    this.session = session;
    this.projectRoot = projectRoot;
    this.catalog = catalog;
  }

  public BuildResult build(CompiledNode compiled) throws SQLException, BuildException {
    Node node = compiled.node();
    return switch (node.kind()) {
      case MODEL -> model(compiled);
      case SEED -> seed((Seed) node, compiled.relation());
      case SNAPSHOT -> new Snapshots(session).build(compiled);
      case TEST, SOURCE, EXPORT ->
          throw new IllegalArgumentException(node.uniqueId() + " is not built by the materializer");
    };
  }

  private BuildResult model(CompiledNode compiled) throws SQLException, BuildException {
    Model model = (Model) compiled.node();
    String kind = model.config().materialized("view");
    Relation rel = compiled.relation();
    return switch (kind) {
      case "view" -> view(rel, compiled.sql());
      case "table" -> table(rel, compiled.sql());
      case "incremental" ->
          compiled.incremental()
              ? new Incremental(session).merge(model, rel, compiled.sql())
              : table(rel, compiled.sql());
      case "ephemeral" ->
          new BuildResult(-1, "ephemeral " + model.name() + " is inlined where it is used");
      default ->
          throw new BuildException(
              "unknown materialization '"
                  + kind
                  + "' in "
                  + model.file()
                  + "; use view, table, incremental or ephemeral");
    };
  }

  BuildResult view(Relation rel, String sql) throws SQLException {
    if (catalog.kind(rel).orElse(RelationKind.VIEW) == RelationKind.VIEW) {
      session.execute(
          "create or replace view " + rel + " as\n" + sql); // one statement: atomic as it is
    } else {
      session.begin();
      try {
        session.execute("drop table " + rel);
        session.execute("create view " + rel + " as\n" + sql);
        session.commit();
      } catch (SQLException e) {
        session.rollbackQuietly();
        throw e;
      }
    }
    catalog.built(rel, RelationKind.VIEW);
    return new BuildResult(-1, "created view " + rel.schema() + "." + rel.identifier());
  }

  /** Builds {@code select} into a new table and swaps it for {@code rel} in one transaction. */
  BuildResult table(Relation rel, String select) throws SQLException {
    Relation fresh = Relation.table(rel.schema(), rel.identifier() + NEW_SUFFIX);
    session.begin();
    try {
      session.execute("drop table if exists " + fresh);
      session.execute("create table " + fresh + " as\n" + select);
      long rows = session.count("select * from " + fresh);
      Optional<RelationKind> old = catalog.kind(rel);
      if (old.isPresent()) {
        session.execute((old.get() == RelationKind.VIEW ? "drop view " : "drop table ") + rel);
      }
      session.execute("alter table " + fresh + " rename to " + quote(rel.identifier()));
      session.commit();
      catalog.built(rel, RelationKind.TABLE);
      return new BuildResult(rows, "created table " + rel.schema() + "." + rel.identifier());
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw e;
    }
  }

  private BuildResult seed(Seed seed, Relation rel) throws SQLException, BuildException {
    Path csv = projectRoot.resolve(seed.file());
    String delimiter = seed.config().string("delimiter");
    try {
      String problem =
          dev.sluice.core.load.CsvShape.check(
              csv,
              seed.file(),
              delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0));
      if (problem != null) {
        throw new BuildException(problem + "; the table was left as it was");
      }
    } catch (java.io.IOException e) {
      throw new BuildException("cannot read " + seed.file() + ": " + e.getMessage(), e);
    }
    StringBuilder options =
        new StringBuilder("header = true, auto_detect = true, strict_mode = true");
    Map<String, Object> types = seed.config().map("column_types");
    if (!types.isEmpty()) {
      StringBuilder struct = new StringBuilder();
      types.forEach(
          (col, type) -> {
            if (struct.length() > 0) {
              struct.append(", ");
            }
            struct.append(literal(col)).append(": ").append(literal(String.valueOf(type)));
          });
      options.append(", types = {").append(struct).append('}');
    }
    if (delimiter != null) {
      options.append(", delim = ").append(literal(delimiter));
    }
    String select = "select * from read_csv(" + literal(csv.toString()) + ", " + options + ")";
    BuildResult r = table(rel, select);
    return new BuildResult(r.rows(), "loaded seed " + rel.schema() + "." + rel.identifier());
  }

  static String literal(String s) {
    return dev.sluice.core.warehouse.Sql.literal(s);
  }

  static String quote(String s) {
    return dev.sluice.core.warehouse.Sql.ident(s);
  }
}

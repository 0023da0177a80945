package dev.sluice.core.env;

import dev.sluice.core.lineage.ProjectLineage;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import dev.sluice.core.warehouse.SqlSession;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans, promotions and rollbacks of virtual environments. {@code prod} lives in the models' own
 * schemas; environment {@code dev} in {@code <schema>__dev}. Each is a set of views onto physical
 * tables in {@code sluice_physical}; what each points at is in {@code _sluice.env_nodes}.
 */
public final class Environments {
  public static final String PROD = "prod";

  private final Manifest manifest;
  private final Target target;
  private final TemplateEngine engine;
  private final Warehouse warehouse;
  private final ProjectLineage lineage;

  public Environments(
      Manifest manifest,
      Target target,
      TemplateEngine engine,
      Warehouse warehouse,
      ProjectLineage lineage) {
    this.manifest = manifest;
    this.target = target;
    this.engine = engine;
    this.warehouse = warehouse;
    this.lineage = lineage;
  }

  /** What {@link #apply} would do, without doing it. */
  public EnvPlan plan(String env) {
    return prepare(env).plan();
  }

  private record Prepared(EnvPlan plan, Map<String, Versions.Version> versions) {}

  private Prepared prepare(String env) {
    checkName(env);
    List<ProjectProblem> problems = new ArrayList<>();
    Map<String, Versions.Version> versions = Versions.of(manifest, target, engine, problems);
    List<ProjectProblem> errors = problems.stream().filter(ProjectProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new EnvException("cannot render the project: " + errors.get(0));
    }
    try (SqlSession s = SqlSession.open(warehouse)) {
      EnvState.ensure(s);
      Map<String, EnvState.Entry> prod = EnvState.read(s, PROD);
      List<Change> changes = new ArrayList<>();
      Set<String> changed = new LinkedHashSet<>();
      int reused = 0;
      for (Versions.Version v : versions.values()) {
        String id = v.node().uniqueId();
        EnvState.Entry before = prod.get(id);
        if (before == null) {
          changes.add(new Change(id, Change.Kind.ADDED, null, List.of(), List.of()));
          changed.add(id);
        } else if (before.version().equals(v.version())) {
          reused++;
        } else if (!body(v).equals(before.body())) {
          List<String> now = lineage.columnsOf(id);
          List<String> dropped = missing(before.columnList(), now);
          List<String> added = missing(now, before.columnList());
          changes.add(
              new Change(id, Change.Kind.DIRECTLY_MODIFIED, !dropped.isEmpty(), dropped, added));
          changed.add(id);
        } else {
          changes.add(new Change(id, Change.Kind.INDIRECTLY_MODIFIED, null, List.of(), List.of()));
          changed.add(id);
        }
      }
      for (String id : prod.keySet()) {
        if (!versions.containsKey(id)) {
          changes.add(new Change(id, Change.Kind.REMOVED, null, List.of(), List.of()));
        }
      }
      List<String> toBuild = new ArrayList<>();
      for (Versions.Version v : versions.values()) {
        if (!warehouse.exists(v.physical().schema(), v.physical().identifier())) {
          toBuild.add(v.node().uniqueId());
        }
      }
      return new Prepared(new EnvPlan(env, PROD, changes, toBuild, reused), versions);
    } catch (SQLException e) {
      throw new EnvException("cannot read the environments' state: " + e.getMessage());
    }
  }

  /**
   * Builds the plan's new versions and points the environment at them. When a build fails, the
   * tables it built are dropped and no environment changes.
   */
  public EnvPlan apply(String env) {
    Prepared p = prepare(env);
    List<Relation> built = new ArrayList<>();
    try (SqlSession s = SqlSession.open(warehouse)) {
      s.createSchemaIfMissing(warehouse.quote(Versions.PHYSICAL_SCHEMA));
      for (String id : p.plan().toBuild()) {
        Versions.Version v = p.versions().get(id);
        String select =
            v.seedFile() != null
                ? "select * from read_csv_auto("
                    + EnvState.literal(v.seedFile())
                    + ", header = true)"
                : v.sql();
        try {
          s.execute("create table " + v.physical().quoted() + " as " + select);
          built.add(v.physical());
        } catch (SQLException e) {
          dropQuietly(s, built);
          throw new EnvException(
              v.node().file()
                  + ": "
                  + v.node().name()
                  + " failed to build, so "
                  + env
                  + " is unchanged: "
                  + firstLine(e.getMessage()));
        }
      }
      Map<String, EnvState.Entry> entries = new LinkedHashMap<>();
      for (Versions.Version v : p.versions().values()) {
        List<String> cols = s.columnNames(v.physical().quoted());
        entries.put(
            v.node().uniqueId(),
            new EnvState.Entry(
                v.node().uniqueId(),
                v.version(),
                v.physical().quoted(),
                String.join(",", cols),
                body(v)));
      }
      try {
        point(s, env, entries);
      } catch (SQLException e) {
        dropQuietly(s, built);
        throw new EnvException(
            "could not switch " + env + ", which is unchanged: " + firstLine(e.getMessage()));
      }
      return p.plan();
    } catch (SQLException e) {
      throw new EnvException("the plan failed and changed nothing: " + firstLine(e.getMessage()));
    }
  }

  /** Points prod at what {@code from} points at: views change, nothing is recomputed. */
  public int promote(String from) {
    checkName(from);
    if (from.equals(PROD)) {
      throw new EnvException("prod is already prod; promote another environment, such as dev");
    }
    try (SqlSession s = SqlSession.open(warehouse)) {
      EnvState.ensure(s);
      Map<String, EnvState.Entry> entries = EnvState.read(s, from);
      if (entries.isEmpty()) {
        throw new EnvException(
            "there is no environment '" + from + "'; run sluice plan --env " + from);
      }
      point(s, PROD, entries);
      return entries.size();
    } catch (SQLException e) {
      throw new EnvException(
          "could not promote " + from + "; prod is unchanged: " + firstLine(e.getMessage()));
    }
  }

  /** Points an environment back at what it had before its last plan or promotion. */
  public void rollback(String env) {
    checkName(env);
    try (SqlSession s = SqlSession.open(warehouse)) {
      EnvState.ensure(s);
      Map<String, EnvState.Entry> before = EnvState.previous(s, env);
      if (before.isEmpty()) {
        throw new EnvException(env + " has no earlier state to roll back to");
      }
      Map<String, EnvState.Entry> now = EnvState.read(s, env);
      s.begin();
      try {
        EnvState.restorePrevious(s, env);
        views(s, env, before, now);
        s.commit();
      } catch (SQLException e) {
        s.rollbackQuietly();
        throw e;
      }
    } catch (SQLException e) {
      throw new EnvException(
          "could not roll back " + env + ", which is unchanged: " + firstLine(e.getMessage()));
    }
  }

  /** The schema a model's view lives in for an environment. */
  public String schemaOf(Node n, String env) {
    Relation r = Relations.of(n, target);
    String base = r.cte() ? target.schema() : r.schema();
    return env.equals(PROD) ? base : base + "__" + env;
  }

  private static String identifierOf(Node n, Relation r) {
    return r.cte() ? n.name() : r.identifier();
  }

  /** In one transaction: the environment's views and its recorded state. */
  private void point(SqlSession s, String env, Map<String, EnvState.Entry> entries)
      throws SQLException {
    Map<String, EnvState.Entry> before = EnvState.read(s, env);
    Set<String> schemas = new LinkedHashSet<>();
    for (EnvState.Entry e : entries.values()) {
      manifest.node(e.node()).ifPresent(n -> schemas.add(schemaOf(n, env)));
    }
    for (String schema : schemas) {
      s.createSchemaIfMissing(warehouse.quote(schema));
    }
    s.begin();
    try {
      EnvState.write(s, env, entries);
      views(s, env, entries, before);
      s.commit();
    } catch (SQLException e) {
      s.rollbackQuietly();
      throw e;
    }
  }

  private void views(
      SqlSession s,
      String env,
      Map<String, EnvState.Entry> entries,
      Map<String, EnvState.Entry> before)
      throws SQLException {
    for (EnvState.Entry e : entries.values()) {
      Optional<Node> n = manifest.node(e.node());
      if (n.isEmpty()) {
        continue;
      }
      String schema = schemaOf(n.get(), env);
      String name = identifierOf(n.get(), Relations.of(n.get(), target));
      String view = warehouse.relation(schema, name);
      if (warehouse.relationKind(schema, name).orElse(null) == Warehouse.RelationKind.TABLE) {
        s.execute(
            "drop table " + view); // a table an ordinary build left: the environment takes over
      }
      s.execute("create or replace view " + view + " as select * from " + e.physical());
    }
    for (EnvState.Entry old : before.values()) {
      if (entries.containsKey(old.node())) {
        continue;
      }
      Optional<Node> n = manifest.node(old.node());
      if (n.isPresent()) {
        s.execute(
            "drop view if exists "
                + warehouse.relation(
                    schemaOf(n.get(), env), identifierOf(n.get(), Relations.of(n.get(), target))));
      }
    }
  }

  /** What the model itself says (its SQL template and configuration), apart from its upstreams. */
  private static String body(Versions.Version v) {
    String raw = v.seedFile() != null ? v.version() : Manifest.sqlOf(v.node());
    return Versions.hash(raw + "\u0000" + new java.util.TreeMap<>(v.node().config().values()));
  }

  private static List<String> missing(List<String> from, List<String> in) {
    List<String> out = new ArrayList<>();
    for (String c : from) {
      if (in.stream().noneMatch(x -> x.equalsIgnoreCase(c))) {
        out.add(c);
      }
    }
    return out;
  }

  private static void dropQuietly(SqlSession s, List<Relation> built) {
    for (Relation r : built) {
      try {
        s.execute("drop table if exists " + r.quoted());
      } catch (SQLException e) {
        // leave it: an unused physical table harms nothing
      }
    }
  }

  private static void checkName(String env) {
    if (!env.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new EnvException("'" + env + "' is not an environment name: use letters, digits and _");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

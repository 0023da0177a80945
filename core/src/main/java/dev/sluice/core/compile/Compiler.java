package dev.sluice.core.compile;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.RenderRequest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeKind;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relation;
import dev.sluice.core.warehouse.Relations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a node into the SQL that runs: templates rendered against the real target, {@code
 * is_incremental()} answered from the warehouse, and ephemeral models inlined as CTEs.
 */
public final class Compiler {

  private final Manifest manifest;
  private final TemplateEngine engine;
  private final Target target;
  private final Predicate<Relation> tableExists;
  private final boolean fullRefresh;
  private java.util.function.Function<Node, Relation> deferred = n -> null;

  /**
   * @param tableExists whether a relation exists as a table, to answer {@code is_incremental()}
   */
  public Compiler(
      Manifest manifest,
      TemplateEngine engine,
      Target target,
      Predicate<Relation> tableExists,
      boolean fullRefresh) {
    this.manifest = manifest;
    this.engine = engine;
    this.target = target;
    this.tableExists = tableExists;
    this.fullRefresh = fullRefresh;
  }

  private ColumnsLookup columns = ColumnsLookup.NONE;

  /**
   * Where unit tests learn the columns (and types) of inputs that exist in the warehouse, and of
   * what the model returns, to type the given and expected rows.
   */
  public Compiler withColumns(ColumnsLookup columns) {
    this.columns = columns;
    return this;
  }

  private CompileCache cache = CompileCache.NONE;

  /**
   * Keeps this compiler's renderings in {@code targetDir} and takes from there those whose inputs
   * did not change (see {@link CompileCache}); {@link CompileCache#save} writes them back.
   */
  public CompileCache cacheIn(java.nio.file.Path targetDir) {
    this.cache = CompileCache.open(targetDir, engine);
    return cache;
  }

  private CompileMemo memo;

  /**
   * Takes the nodes {@code memo} kept from an earlier compile of the project when their inputs are
   * as they were, and keeps what this one compiles there (see {@link CompileMemo}).
   */
  public Compiler remembering(CompileMemo memo) {
    this.memo = memo;
    return this;
  }

  private boolean throughJinja;

  /** Renders every template through Jinjava, never without it nor from the cache (for tests). */
  Compiler renderingEverything() {
    this.throughJinja = true;
    return this;
  }

  /**
   * A template of the node rendered for running: without Jinja when its only Jinja is literal refs,
   * sources and config calls (see {@link TemplateEngine#staticRendering}), else from the cache when
   * there is one, else rendered now.
   */
  private Rendered render(Node node, String template, boolean incremental) {
    RenderRequest request = new RenderRequest(node, template, this::relationOf, incremental);
    return rendered(request, staticRendering(request));
  }

  /**
   * The static rendering when the template is of that shape and nothing forces Jinjava; or null.
   */
  private Rendered staticRendering(RenderRequest request) {
    return throughJinja ? null : engine.staticRendering(request);
  }

  /** {@code plain} when there is one, else the rendering through Jinjava or the cache. */
  private Rendered rendered(RenderRequest request, Rendered plain) {
    if (plain != null) {
      return plain;
    }
    return throughJinja
        ? engine.renderThroughJinjava(request)
        : cache.render(engine, manifest.project(), request);
  }

  public Relation relationOf(Node node) {
    Relation other = deferred.apply(node);
    return other != null ? other : Relations.of(node, target);
  }

  /**
   * Reads some upstreams from elsewhere (dbt's {@code --defer}): {@code ref()} of a node for which
   * {@code where} gives a relation prints that one. Give none for nodes this run builds.
   */
  public Compiler deferring(java.util.function.Function<Node, Relation> where) {
    this.deferred = where;
    return this;
  }

  public CompiledNode compile(Node node) {
    Relation relation = relationOf(node);
    return switch (node.kind()) {
      case SEED, SOURCE -> new CompiledNode(node, relation, null, false, List.of());
      case MODEL, SNAPSHOT -> {
        boolean incremental =
            node.kind() == NodeKind.MODEL
                && "incremental".equals(node.config().materialized("view"))
                && !fullRefresh
                && tableExists.test(relation);
        yield templated(node, Manifest.sqlOf(node), relation, incremental);
      }
      case TEST -> {
        if (node instanceof dev.sluice.core.project.UnitTest u) {
          yield new UnitTestCompiler(manifest, engine, this::relationOf, columns)
              .compile(u, relation);
        }
        yield node instanceof GenericTest g
            ? generic(g, relation)
            : templated(node, Manifest.sqlOf(node), relation, false);
      }
      case EXPORT -> export((Export) node, relation);
    };
  }

  /**
   * A node's {@code pre-hook} or {@code post-hook} statements, rendered; blank ones (a hook that
   * only calls a macro for its effect) are left out.
   *
   * @param kind {@code pre-hook} or {@code post-hook}
   */
  public List<String> hooks(Node node, String kind) {
    Object raw = node.config().values().get(kind);
    if (raw == null) {
      raw = node.config().values().get(kind.replace('-', '_'));
    }
    List<String> out = new ArrayList<>();
    List<Object> statements =
        raw instanceof List<?> l ? new ArrayList<>(l) : raw == null ? List.of() : List.of(raw);
    for (Object h : statements) {
      Object sql = h instanceof Map<?, ?> m ? m.get("sql") : h; // {sql: ..., transaction: ...}
      if (sql != null) {
        try {
          out.addAll(rendered(node, sql.toString()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              kind
                  + " of "
                  + node.name()
                  + " ("
                  + node.file().toString().replace('\\', '/')
                  + " or the config that sets it): "
                  + e.getMessage(),
              e);
        }
      }
    }
    return out;
  }

  /** Stands for a {@code ;} the user wrote in a hook, while the hook renders. */
  private static final char WRITTEN_SEMICOLON = '\uE000';

  /**
   * Renders an entry of {@code on-run-start}, a hook or such, for a node's context, into the
   * statements it holds. The statements are those that the {@code ;} of the entry's own text
   * separate (a hook may hold several, as dbt allows). A {@code ;} that only rendering brought in,
   * from a var, an env var, a macro or a query's result, is refused rather than run: it would let a
   * value start a statement that nobody wrote.
   */
  public List<String> rendered(Node node, String template) {
    boolean markable = template.indexOf(WRITTEN_SEMICOLON) < 0;
    String marked = markable ? SingleStatement.markWritten(template, WRITTEN_SEMICOLON) : template;
    Rendered r = engine.render(new RenderRequest(node, marked, this::relationOf, false));
    if (!r.ok()) {
      throw new IllegalArgumentException(
          r.problems().stream()
              .map(ProjectProblem::message)
              .map(m -> m.replace(WRITTEN_SEMICOLON, ';'))
              .reduce((a, b) -> a + "; " + b)
              .orElse(""));
    }
    SingleStatement.Split split = SingleStatement.splitAtMarks(r.sql(), WRITTEN_SEMICOLON);
    if (split.strayAt().isPresent()) {
      throw new IllegalArgumentException(
          "refused: after rendering, a ';' at line "
              + split.strayAt().getAsInt()
              + " is followed by more SQL, but the statement as written has no ';' there. A value"
              + " (a var, an env var, a macro's or a query's result) would start a second"
              + " statement. Write each statement in the hook itself, or as a list.");
    }
    return split.statements();
  }

  /** An export's SQL is the SELECT whose rows go to the file: the whole of what its model built. */
  private CompiledNode export(Export export, Relation relation) {
    Optional<Node> model = manifest.project().refable(export.model());
    if (model.isEmpty()) {
      return new CompiledNode(
          export,
          relation,
          null,
          false,
          List.of(
              ProjectProblem.error(
                  export.file(),
                  export.line(),
                  "export "
                      + export.name()
                      + " writes out '"
                      + export.model()
                      + "', which is not in the project")));
    }
    Relation from = relationOf(model.get());
    if (!from.cte()) {
      return new CompiledNode(export, relation, "select * from " + from.quoted(), false, List.of());
    }
    // an ephemeral model has no table to read: its query runs here instead
    CompiledNode inner = compile(model.get());
    String sql =
        inner.sql() == null
            ? null
            : "select * from (\n" + inner.sql() + "\n) as " + from.identifier();
    return new CompiledNode(export, relation, sql, false, inner.problems());
  }

  private CompiledNode templated(
      Node node, String template, Relation relation, boolean incremental) {
    if (memo != null && !throughJinja) {
      CompiledNode kept =
          memo.find(
              node,
              template,
              relation,
              incremental,
              engine.fingerprint(),
              manifest.project(),
              this::relationOf);
      if (kept != null) {
        return kept;
      }
    }
    RenderRequest request = new RenderRequest(node, template, this::relationOf, incremental);
    Rendered plain = staticRendering(request);
    Rendered r = rendered(request, plain);
    List<ProjectProblem> problems = new ArrayList<>(r.problems());
    String sql = withoutTrailingSemicolons(withEphemerals(r, problems));
    if (!oneStatement(node, sql, problems)) {
      return new CompiledNode(node, relation, null, incremental, problems);
    }
    CompiledNode c = new CompiledNode(node, relation, sql, incremental, problems, r.config());
    if (memo != null && plain != null && problems.isEmpty()) {
      memo.keep(
          c,
          template,
          r.refs(),
          r.sources(),
          engine.fingerprint(),
          manifest.project(),
          this::relationOf);
    }
    return c;
  }

  private CompiledNode generic(GenericTest test, Relation relation) {
    List<ProjectProblem> problems = new ArrayList<>();
    Optional<Node> attached = manifest.node(test.attachedTo());
    if (attached.isEmpty()) {
      problems.add(
          ProjectProblem.error(
              test.file(),
              test.line(),
              "test " + test.name() + " checks " + test.attachedTo() + ", which does not exist"));
      return new CompiledNode(test, relation, null, false, problems);
    }
    String model = relationOf(attached.get()).quoted();
    // the project's own {% test x %} wins over a check of Sluice's by the same name, as dbt's
    // projects expect (dbt-date's integration tests define their own expression_is_true)
    boolean own =
        test.testName().indexOf('.') < 0 && engine.projectDefines("test_" + test.testName());
    if (GenericTests.isBuiltIn(test.testName()) && !own) {
      String to = null;
      Object toArg = test.arguments().get("to");
      if (toArg != null) {
        Rendered r =
            engine.render(new RenderRequest(test, "{{ " + toArg + " }}", this::relationOf, false));
        problems.addAll(r.problems());
        to = r.sql().strip();
      }
      try {
        String sql = GenericTests.sql(test, model, to, test.attachedTo()).orElseThrow();
        if (!oneStatement(test, sql, problems)) {
          return new CompiledNode(test, relation, null, false, problems);
        }
        return new CompiledNode(test, relation, sql, false, problems);
      } catch (IllegalArgumentException e) {
        problems.add(ProjectProblem.error(test.file(), test.line(), e.getMessage()));
        return new CompiledNode(test, relation, null, false, problems);
      }
    }
    // a user's {% test name(model, column_name, ...) %} macro
    String name = test.testName();
    int dot = name.lastIndexOf('.');
    String macro =
        dot < 0 ? "test_" + name : name.substring(0, dot + 1) + "test_" + name.substring(dot + 1);
    String call = "{{ " + macro + "(" + macroArguments(test, attached.get()) + ") }}";
    return templated(test, call, relation, false);
  }

  /**
   * True when {@code sql} holds no Jinja ({@code {{ }}, {% %}, {# #}}), so it renders as written.
   */
  public static boolean untemplated(String sql) {
    return !sql.contains("{{") && !sql.contains("{%") && !sql.contains("{#");
  }

  /**
   * A model whose SQL {@link #untemplated has no Jinja}, compiled with no parsed project and no
   * template engine: what {@link #compile} gives for it (the text without its trailing semicolons,
   * refused when it holds a second statement), at none of the cost of reading the project.
   */
  public static CompiledNode compileUntemplated(Model node, Relation relation) {
    if (!untemplated(node.sql())) {
      throw new IllegalArgumentException(node.name() + " has Jinja in it");
    }
    List<ProjectProblem> problems = new ArrayList<>();
    String sql = withoutTrailingSemicolons(node.sql());
    if (!oneStatement(node, sql, problems)) {
      return new CompiledNode(node, relation, null, false, problems);
    }
    return new CompiledNode(node, relation, sql, false, problems);
  }

  /** Refuses SQL with a second statement, so that no name or argument can smuggle one in. */
  private static boolean oneStatement(Node node, String sql, List<ProjectProblem> problems) {
    java.util.OptionalInt at =
        sql == null ? java.util.OptionalInt.empty() : SingleStatement.secondStatementAt(sql);
    if (at.isEmpty()) {
      return true;
    }
    int line = at.getAsInt();
    String message;
    if (node instanceof Model m && m.isAdHoc()) {
      message =
          "the query holds more than one statement (a ';' at line "
              + line
              + " is followed by more SQL); run one statement at a time.";
    } else {
      String hint =
          node.kind() == NodeKind.MODEL
              ? "Move what must run before or after it into a pre_hook or post_hook."
              : "Check the names and arguments in its schema file (a generic test's column name"
                  + " is put into its SQL).";
      message =
          node.kind().label()
              + " "
              + node.name()
              + " compiles to more than one statement (a ';' at line "
              + line
              + " of its compiled SQL is followed by more SQL); a "
              + node.kind().label()
              + " must be a single query. "
              + hint;
    }
    problems.add(ProjectProblem.error(node.file(), Math.max(1, node.line()), message));
    return false;
  }

  private static String macroArguments(GenericTest test, Node attached) {
    StringBuilder sb = new StringBuilder();
    String model =
        attached.kind() == NodeKind.SOURCE
            ? "source('"
                + ((dev.sluice.core.project.SourceTable) attached).sourceName()
                + "', '"
                + attached.name()
                + "')"
            : "ref('" + attached.name() + "')";
    // as in dbt, the model reaches the macro through get_where_subquery, which applies `where`
    sb.append("model=get_where_subquery(").append(model).append(')');
    if (test.columnName() != null && !test.arguments().containsKey("column_name")) {
      sb.append(", column_name=").append(literal("column_name", test.columnName()));
    }
    for (Map.Entry<String, Object> e : test.arguments().entrySet()) {
      if (e.getKey().equals("quote_column")) {
        continue; // read by the built-in tests; a user's macro does not take it
      }
      sb.append(", ").append(e.getKey()).append('=').append(literal(e.getKey(), e.getValue()));
    }
    return sb.toString();
  }

  private static String literal(String key, Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString().toLowerCase(java.util.Locale.ROOT);
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(literal(key, x)));
      return "[" + String.join(", ", parts) + "]";
    }
    String s = v.toString();
    if (!key.equals("column_name") && (s.startsWith("ref(") || s.startsWith("source("))) {
      return s;
    }
    String quoted = "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    // dbt renders Jinja inside a test's arguments before the test sees them
    return s.contains("{{") || s.contains("{%") ? "sluice_render(" + quoted + ")" : quoted;
  }

  /**
   * Inlines every ephemeral model this SQL reads, directly or through other ephemerals, as CTEs.
   */
  private String withEphemerals(Rendered r, List<ProjectProblem> problems) {
    Map<String, String> ctes = new LinkedHashMap<>();
    collectEphemerals(r.refs(), ctes, problems, 0);
    if (ctes.isEmpty()) {
      return r.sql();
    }
    StringBuilder defs = new StringBuilder();
    ctes.forEach(
        (name, sql) -> {
          if (defs.length() > 0) {
            defs.append(",\n");
          }
          defs.append(name).append(" as (\n").append(sql.strip()).append("\n)");
        });
    return injectCtes(r.sql(), defs.toString());
  }

  private void collectEphemerals(
      List<String> refs, Map<String, String> ctes, List<ProjectProblem> problems, int depth) {
    for (String name : refs) {
      Optional<Node> n = manifest.project().refable(name);
      if (n.isEmpty() || !"ephemeral".equals(n.get().config().materialized("")) || depth > 50) {
        continue;
      }
      String cte = relationOf(n.get()).identifier();
      if (ctes.containsKey(cte)) {
        continue;
      }
      Rendered inner = render(n.get(), Manifest.sqlOf(n.get()), false);
      problems.addAll(inner.problems());
      collectEphemerals(inner.refs(), ctes, problems, depth + 1); // its own ephemerals come first
      ctes.put(cte, inner.sql());
    }
  }

  /** A model may end in ';', but it is wrapped in other statements, where one would break them. */
  static String withoutTrailingSemicolons(String sql) {
    String s = sql.stripTrailing();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).stripTrailing();
    }
    return s;
  }

  static String injectCtes(String sql, String defs) {
    java.util.Optional<dev.sluice.core.sqltext.LeadingWith> with =
        dev.sluice.core.sqltext.LeadingWith.of(sql);
    if (with.isPresent()) {
      dev.sluice.core.sqltext.LeadingWith w = with.get();
      return w.prefix()
          + "with"
          + w.recursive()
          + " "
          + defs
          + ",\n"
          + sql.substring(w.end()).stripLeading();
    }
    return "with " + defs + "\n" + sql;
  }
}

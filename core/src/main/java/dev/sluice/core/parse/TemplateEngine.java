package dev.sluice.core.parse;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.sluice.core.project.InstalledPackages;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders SQL templates with Jinjava and the dbt functions. The project's macros are read once into
 * a shared parent scope; each rendering gets a fresh child scope.
 */
public final class TemplateEngine {
  private static final Pattern TEST_BLOCK = Pattern.compile("\\{%(-?)\\s*test\\s+(\\w+)\\s*\\(");
  private static final Pattern END_TEST = Pattern.compile("\\{%(-?)\\s*endtest\\s*(-?)%}");

  private final Project project;
  private final Map<String, String> env;
  private final Map<String, Object> vars;
  private final Map<String, Object> targetView;
  private final String invocationId;
  private final String startedAt;
  private final List<ProjectProblem> macroProblems = new ArrayList<>();
  private final InstalledPackages packages;
  private final String targetType;
  private final Queries queries = new Queries();
  private final StringBuilder macroText = new StringBuilder();
  private String fingerprint;

  /** Every macro file's text, materialization blocks taken out, for Jinjava to read. */
  private final List<MacroSource> sources = new ArrayList<>();

  private final List<Materializations.Block> materializations = new ArrayList<>();

  /** The root project's macro files as one text, to tell which names it may define. */
  private final StringBuilder ownMacroText = new StringBuilder();

  /** Jinjava with every macro read: made on the first rendering, or question only it answers. */
  private volatile Jinja jinja;

  /** A parse cache's word that the macros under this fingerprint read without a problem. */
  private volatile boolean macrosKnownClean;

  private record MacroSource(String namespace, Path file, String text) {}

  private record Jinja(Jinjava jinjava, Context macros, MacroLibrary library) {}

  public TemplateEngine(
      Project project,
      Target target,
      Map<String, String> env,
      Map<String, Object> cliVars,
      String invocationId) {
    this.project = project;
    this.env = env;
    Map<String, Object> allVars = new LinkedHashMap<>(project.settings().vars());
    allVars.putAll(cliVars);
    this.vars = allVars;
    this.invocationId = invocationId;
    this.startedAt = Instant.now().toString();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", target.name());
    t.put("type", target.type());
    t.put("schema", target.schema());
    t.put("path", target.path());
    t.put("threads", target.threads());
    t.put("profile_name", project.name());
    t.put("database", databaseOf(target));
    this.targetView = t;
    this.packages = InstalledPackages.read(project.root());
    this.targetType = target.type();
    loadMacros();
    this.vars.clear();
    this.vars.putAll(PackageVars.merged(project, packages, cliVars));
  }

  /**
   * Jinjava set up with dbt's functions and every macro read, made once, when first needed: a parse
   * whose nodes all come from the parse cache never makes it.
   */
  private Jinja jinja() {
    Jinja j = jinja;
    if (j == null) {
      synchronized (this) {
        j = jinja;
        if (j == null) {
          j = startJinjava();
          jinja = j;
        }
      }
    }
    return j;
  }

  /** Whether Jinjava was set up (for tests: a parse answered by the cache never sets it up). */
  boolean jinjavaStarted() {
    return jinja != null;
  }

  private Jinja startJinjava() {
    Jinjava jinjava = new Jinjava(config());
    Context global = jinjava.getGlobalContext();
    for (String fn : List.of("ref", "source", "config", "var", "env_var", "doc", "log")) {
      global.registerFunction(
          new ELFunctionDefinition("", fn, TemplateFunctions.class, fn, Object[].class));
    }
    global.registerFunction(
        new ELFunctionDefinition("", "is_incremental", TemplateFunctions.class, "is_incremental"));
    global.registerFunction(
        new ELFunctionDefinition("", "return", DbtFunctions.class, "dbt_return", Object[].class));
    for (String fn :
        List.of(
            "sluice_call",
            "sluice_render",
            "sluice_dict",
            "zip",
            "tojson",
            "fromjson",
            "toyaml",
            "fromyaml",
            "local_md5",
            "set",
            "print",
            "run_query",
            "statement",
            "load_result")) {
      global.registerFunction(
          new ELFunctionDefinition("", fn, DbtFunctions.class, fn, Object[].class));
    }
    Context macros = new Context(global);
    MacroLibrary library = new MacroLibrary(jinjava, macros, project.name(), packages.dispatch());
    // Jinjava works out a macro's default arguments when it reads the macro, so what they name
    // must be there already: dbt_utils' macros take `database=target.database`
    // (each file's macros are read in a context of their own under this engine's global one)
    global.put("target", targetView);
    global.put("project_name", project.name());
    for (MacroSource m : sources) {
      library.read(m.namespace(), m.file(), m.text());
    }
    DbtContext.shared(project, targetType, library, queries).forEach(macros::put);
    return new Jinja(jinjava, macros, library);
  }

  /** DuckDB names an attached file's catalog after the file, without its extension. */
  static String databaseOf(Target target) {
    String p = target.path();
    if (p == null || p.equals(":memory:")) {
      return "memory";
    }
    String f = Path.of(p).getFileName().toString();
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }

  private static final Pattern MAX_RECURSION =
      Pattern.compile("Max recursion limit of \\d+ reached for macro '([^']*)'");

  private static JinjavaConfig config() {
    return JinjavaConfig.newBuilder()
        .withElResolver(PythonResolvers.withDefaults(new PythonMethods()))
        .build();
  }

  /**
   * Lets templates run queries against this warehouse: {@code execute} becomes true, {@code
   * run_query} and {@code adapter.get_columns_in_relation} answer from it. Without it (while a
   * project is parsed) they answer none, as dbt's do.
   */
  public TemplateEngine attach(dev.sluice.core.warehouse.Warehouse warehouse) {
    queries.attach(warehouse);
    synchronized (this) {
      fingerprint = null;
    }
    return this;
  }

  /**
   * What the project's own {@code generate_schema_name}, {@code generate_alias_name} and {@code
   * generate_database_name} macros, when it defines them, say about where a node is built: config
   * entries {@code target_schema}, {@code alias} and {@code database}. Empty when it defines none,
   * so dbt's naming applies. As in dbt, only the root project's overrides count: a package's own
   * {@code generate_schema_name} does not place even that package's models.
   */
  public Map<String, Object> placement(dev.sluice.core.project.Node node) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!projectDefines("generate_schema_name")
        && !projectDefines("generate_alias_name")
        && !projectDefines("generate_database_name")) {
      return out;
    }
    Map<String, DbtMacro> own = jinja().library().packages().get(project.name());
    java.util.function.Function<dev.sluice.core.project.Node, dev.sluice.core.warehouse.Relation>
        resolve =
            n ->
                dev.sluice.core.warehouse.Relation.table(
                    targetView.get("schema").toString(), n.name());
    if (own.containsKey("generate_schema_name")) {
      Rendered r =
          render(
              new RenderRequest(
                  node, "{{ generate_schema_name(config.get('schema'), model) }}", resolve, false));
      if (r.ok() && !r.sql().isBlank()) {
        out.put("target_schema", r.sql().strip());
      }
    }
    if (own.containsKey("generate_database_name")) {
      Rendered r =
          render(
              new RenderRequest(
                  node,
                  "{{ generate_database_name(config.get('database'), model) }}",
                  resolve,
                  false));
      if (r.ok() && !r.sql().isBlank() && !r.sql().strip().equalsIgnoreCase("none")) {
        out.put("database", r.sql().strip());
      }
    }
    if (own.containsKey("generate_alias_name")) {
      Rendered r =
          render(
              new RenderRequest(
                  node, "{{ generate_alias_name(config.get('alias'), model) }}", resolve, false));
      if (r.ok() && !r.sql().isBlank()) {
        out.put("alias", r.sql().strip());
      }
    }
    return out;
  }

  /**
   * Why a node cannot be built when its {@code materialized} names a custom materialization of the
   * project or a package ({@code {% materialization name %}}): Sluice does not run those yet. Null
   * for the built-in materializations and for names no block defines.
   */
  public String unsupportedMaterialization(dev.sluice.core.project.Node node) {
    if (node.kind() != dev.sluice.core.project.NodeKind.MODEL) {
      return null;
    }
    String kind = node.config().materialized("view");
    if (List.of("view", "table", "incremental", "ephemeral").contains(kind)) {
      return null;
    }
    Materializations.Block b =
        Materializations.pick(materializations, kind, targetType, project.name());
    if (b == null) {
      return null;
    }
    return "model '"
        + node.name()
        + "' is materialized as '"
        + kind
        + "', a custom materialization ("
        + b.where()
        + "): custom materialization '"
        + kind
        + "' is not supported yet; use view, table, incremental or ephemeral";
  }

  /**
   * Why a node cannot be built where its {@code database} config (or the project's {@code
   * generate_database_name}) puts it: Sluice builds into the target's one DuckDB database. Null
   * when it names that database or none.
   */
  public String unsupportedDatabase(dev.sluice.core.project.Node node) {
    String db = node.config().string("database");
    if (db == null || db.isBlank() || db.equalsIgnoreCase(database())) {
      return null;
    }
    boolean macro = projectDefines("generate_database_name");
    return node.kind().label()
        + " '"
        + node.name()
        + "' is placed in database '"
        + db
        + "'"
        + (macro ? " by the project's generate_database_name" : " by its database config")
        + ", but Sluice builds into the target's one DuckDB database '"
        + database()
        + "'; building into another database is not supported yet";
  }

  String database() {
    return String.valueOf(targetView.get("database"));
  }

  Queries queries() {
    return queries;
  }

  /** The environment variables templates read through {@code env_var()}. */
  public Map<String, String> env() {
    return env;
  }

  /**
   * Whether the project itself defines a macro of this name (a {@code test_x} is its test x). A
   * name that appears nowhere in the project's macro files is not defined there, so only a name
   * that does sets Jinjava up to ask.
   */
  public boolean projectDefines(String macroName) {
    String probe = macroName.startsWith("test_") ? macroName.substring(5) : macroName;
    if (ownMacroText.indexOf(probe) < 0) {
      return false;
    }
    return jinja()
        .library()
        .packages()
        .getOrDefault(project.name(), Map.of())
        .containsKey(macroName);
  }

  /**
   * Problems in the macro files themselves. Reading them takes Jinjava, unless a parse cache said
   * that the macros under this fingerprint read without a problem ({@link #macrosReadCleanly}).
   */
  public List<ProjectProblem> macroProblems() {
    List<ProjectProblem> out = new ArrayList<>(macroProblems);
    if (!macrosKnownClean || jinja != null) {
      out.addAll(jinja().library().problems());
    }
    out.addAll(packages.problems());
    return List.copyOf(out);
  }

  /**
   * What {@link #macroProblems()} gives, worked out on a thread of its own when that means setting
   * Jinjava up (nothing else in a parse of static templates needs it), so that the parse goes on
   * meanwhile; a rendering that needs Jinjava waits for it.
   */
  public dev.sluice.core.io.Aside<List<ProjectProblem>> macroProblemsAside() {
    if (jinja != null || macrosKnownClean) {
      return dev.sluice.core.io.Aside.done(this::macroProblems); // nothing to set up
    }
    return dev.sluice.core.io.Aside.start("sluice-macros", this::macroProblems);
  }

  /**
   * Whether every macro file read without a problem: null when Jinjava has not read them (nor a
   * cache said so), so the answer would cost setting it up.
   */
  Boolean macrosReadCleanly() {
    Jinja j = jinja;
    if (j != null) {
      return j.library().problems().isEmpty();
    }
    return macrosKnownClean ? Boolean.TRUE : null;
  }

  /**
   * A parse cache made under this engine's {@link #fingerprint()} says the macros read without a
   * problem: they are the very same texts, so {@link #macroProblems()} need not read them again.
   */
  void macrosReadCleanlyBefore() {
    macrosKnownClean = true;
  }

  private void read(String namespace, Path file, String text) {
    macroText.append(namespace).append('\u0000').append(file).append('\u0000').append(text);
    macroText.append('\u0000');
    if (namespace.equals(project.name())) {
      ownMacroText.append(text).append('\u0000');
    }
    sources.add(
        new MacroSource(
            namespace, file, Materializations.strip(text, namespace, file, materializations)));
  }

  private void loadMacros() {
    read(MacroLibrary.DBT, Path.of("(dbt's own macros)"), BuiltInMacros.text());
    for (InstalledPackages.Package p : packages.packages()) {
      for (Path f : InstalledPackages.macroFiles(project.root(), p)) {
        try {
          read(p.name(), f, java.nio.file.Files.readString(project.root().resolve(f)));
        } catch (java.io.IOException e) {
          macroProblems.add(ProjectProblem.error(f, 0, "cannot read: " + e.getMessage()));
        }
      }
    }
    for (Project.MacroFile f : project.macros()) {
      read(project.name(), f.file(), f.text());
    }
  }

  /**
   * dbt's {@code {% test name(model, column_name) %}} defines a generic test: a macro {@code
   * test_name}.
   */
  static String asMacros(String text) {
    String out = TEST_BLOCK.matcher(text).replaceAll("{%$1 macro test_$2(");
    return END_TEST.matcher(out).replaceAll("{%$1 endmacro $2%}");
  }

  public Rendered render(RenderRequest request) {
    return render(request, Map.of());
  }

  /** Renders with some vars replaced for this rendering alone, as a unit test's overrides ask. */
  public Rendered render(RenderRequest request, Map<String, Object> varOverrides) {
    return renderCall(request, varOverrides).result;
  }

  /**
   * A rendering and whether rendering the same request again, in another process with the same
   * engine fingerprint, the same environment variables and the same relations, gives the same text:
   * false when it had problems, read the whole graph, asked the warehouse something or read the
   * clock.
   *
   * @param envRead the environment variables the rendering read, with their values (null: unset)
   */
  public record Tracked(Rendered rendered, boolean repeatable, Map<String, String> envRead) {}

  /** Renders and says whether a cache may keep the result (see {@link Tracked}). */
  public Tracked renderTracked(RenderRequest request) {
    RenderCall call = renderCall(request, Map.of());
    boolean repeatable =
        !call.uncacheable
            && !call.introspected
            && !call.clockRead
            && call.result.problems().isEmpty();
    return new Tracked(call.result, repeatable, new LinkedHashMap<>(call.envRead));
  }

  /** The id this engine gives templates as {@code invocation_id}. */
  public String invocationId() {
    return invocationId;
  }

  /** The rendering with what a parse cache needs to know about it. */
  RenderCall renderCall(RenderRequest request, Map<String, Object> varOverrides) {
    Rendered plain = staticRendering(request);
    if (plain != null) {
      RenderCall call = new RenderCall(request, project, env, vars);
      call.engine = this;
      call.result = plain;
      call.withoutJinja = true;
      return call;
    }
    return renderWithJinja(request, varOverrides);
  }

  /**
   * The rendering of a template whose only Jinja is literal {@code ref}, {@code source} and {@code
   * config} calls, made without Jinjava (see {@link StaticTemplate}); null for any other template,
   * or when a macro of the project or a package redefines one of those three.
   */
  public Rendered staticRendering(RenderRequest request) {
    if (redefinesStaticCalls()) {
      return null;
    }
    return StaticTemplate.render(request.template(), project, request.resolve());
  }

  private static final Pattern STATIC_CALL_MACRO =
      Pattern.compile("\\{%-?\\s*macro\\s+(ref|source|config)\\s*\\(");

  private Boolean redefinesStaticCalls;

  private boolean redefinesStaticCalls() {
    Boolean r = redefinesStaticCalls;
    if (r == null) {
      r = STATIC_CALL_MACRO.matcher(macroText).find();
      redefinesStaticCalls = r;
    }
    return r;
  }

  /**
   * The rendering through Jinjava whatever the template's shape, as it was before templates of the
   * static shape skipped it: for checks that both give the same.
   */
  public Rendered renderThroughJinjava(RenderRequest request) {
    return renderWithJinja(request, Map.of()).result;
  }

  /** The rendering through Jinjava, whatever the template's shape. */
  RenderCall renderWithJinja(RenderRequest request, Map<String, Object> varOverrides) {
    Map<String, Object> callVars = vars;
    if (!varOverrides.isEmpty()) {
      callVars = new LinkedHashMap<>(vars);
      callVars.putAll(varOverrides);
    }
    RenderCall call = new RenderCall(request, project, env, callVars);
    call.engine = this;
    Jinja j = jinja();
    Context scope = new RenderScope(j.macros(), call);
    scope.put("execute", queries.executing());
    scope.put("model", ModelView.of(request.node(), project.packageOf(request.node())));
    scope.put("config", ConfigView.of(request.node(), call));
    scope.put("this", new RelationView(request.resolve().apply(request.node())));
    scope.put("target", targetView);
    scope.put("invocation_id", invocationId);
    scope.put("run_started_at", startedAt);
    scope.put("project_name", project.name());
    JinjavaInterpreter in =
        new JinjavaInterpreter(j.jinjava(), scope, j.jinjava().getGlobalConfig());
    Path file = request.node().file();
    String out = "";
    call.enter();
    JinjavaInterpreter.pushCurrent(in);
    try {
      out = in.render(JinjaRewrite.of(request.template()));
    } catch (TemplateSyntaxException e) {
      call.problems.add(ProjectProblem.error(file, e.getLineNumber(), message(e.getMessage())));
    } catch (RuntimeException e) {
      if (TemplateStop.in(e) == null && !call.stopped) {
        call.problems.add(
            ProjectProblem.error(
                file,
                in.getLineNumber(),
                "template error: " + message(String.valueOf(e.getMessage()))));
      }
    } finally {
      JinjavaInterpreter.popCurrent();
      RenderCall.exit();
    }
    for (TemplateError e : in.getErrorsCopy()) {
      if (call.stopped || e.getReason() == TemplateError.ErrorReason.COLLECTION_TOO_BIG) {
        continue; // the stop's own message is already among the problems
      }
      String text = String.valueOf(e.getMessage());
      java.util.regex.Matcher deep = MAX_RECURSION.matcher(text);
      if (text.startsWith("Cycle detected for macro") || deep.find()) {
        // Jinjava only warns and renders the call as nothing: SQL with a hole in it
        String name =
            deep.find(0)
                ? "macro '" + deep.group(1) + "'"
                : text.replace("Cycle detected for macro", "macro");
        call.problems.add(
            ProjectProblem.error(
                file,
                Math.max(e.getLineno(), 1),
                name
                    + " calls itself without end (infinite recursion); give it a case that stops"));
        continue;
      }
      if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
        String msg = message(e.getMessage());
        if (msg.startsWith("Could not resolve function")) {
          msg =
              msg.replace("Could not resolve function", "unknown macro or function")
                  + ": define it in a file under macros/, or check the spelling";
        }
        int line = Math.max(e.getLineno(), 0);
        // one error per line: Jinjava often reports a broken tag twice
        if (call.problems.stream().noneMatch(p -> p.line() == line)) {
          call.problems.add(ProjectProblem.error(file, line, msg));
        }
      }
    }
    call.result = new Rendered(out, call.refs, call.sources, call.config, call.problems);
    return call;
  }

  /**
   * A digest of everything besides the node itself that a parse-time rendering may read: every
   * macro (dbt's, the packages', the project's), the vars, the target, the installed packages and
   * the docs blocks. A parse cache made under another fingerprint is not used.
   */
  public synchronized String fingerprint() {
    if (fingerprint == null) {
      java.security.MessageDigest d = ParseCache.digest();
      ParseCache.feed(d, "sluice-parse-" + ParseCache.FORMAT);
      ParseCache.feed(d, BuildStamp.THIS);
      ParseCache.feed(d, macroText.toString());
      ParseCache.feed(d, String.valueOf(vars));
      ParseCache.feed(d, String.valueOf(targetView));
      ParseCache.feed(d, project.name());
      ParseCache.feed(d, String.valueOf(packages.packages()));
      ParseCache.feed(d, String.valueOf(packages.dispatch()));
      ParseCache.feed(d, String.valueOf(new java.util.TreeMap<>(project.docs())));
      ParseCache.feed(d, String.valueOf(project.settings()));
      ParseCache.feed(d, String.valueOf(queries.executing()));
      fingerprint = java.util.HexFormat.of().formatHex(d.digest());
    }
    return fingerprint;
  }

  private static final Pattern NO_METHOD =
      Pattern.compile("Cannot find method (\\w+) with \\d+ parameters in class ([\\w.$]+)");

  private static String message(String m) {
    if (m == null) {
      return "template error";
    }
    // Jinjava names the Java class it looked in; say it as the Python type the template sees
    java.util.regex.Matcher no = NO_METHOD.matcher(m);
    if (no.find()) {
      String cls = no.group(2).toLowerCase(java.util.Locale.ROOT);
      String type =
          cls.contains("list")
              ? "list"
              : cls.contains("map")
                  ? "dict"
                  : cls.contains("set") ? "set" : cls.endsWith("string") ? "str" : "this value's";
      return type + "." + no.group(1) + "() is not supported yet";
    }
    return m.strip();
  }
}

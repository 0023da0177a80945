package dev.sluice.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
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
  private final Jinjava jinjava;
  private final Context macros;
  private final Map<String, String> env;
  private final Map<String, Object> vars;
  private final Map<String, Object> targetView;
  private final String invocationId;
  private final String startedAt;
  private final List<ProjectProblem> macroProblems = new ArrayList<>();

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
    this.targetView = t;
    this.jinjava = new Jinjava(JinjavaConfig.newBuilder().build());
    Context global = jinjava.getGlobalContext();
    for (String fn : List.of("ref", "source", "config", "var", "env_var", "doc", "log")) {
      global.registerFunction(
          new ELFunctionDefinition("", fn, TemplateFunctions.class, fn, Object[].class));
    }
    global.registerFunction(
        new ELFunctionDefinition("", "is_incremental", TemplateFunctions.class, "is_incremental"));
    this.macros = new Context(global);
    loadMacros();
  }

  /** Problems in the macro files themselves. */
  public List<ProjectProblem> macroProblems() {
    return List.copyOf(macroProblems);
  }

  private void loadMacros() {
    for (Project.MacroFile f : project.macros()) {
      String text = asMacros(f.text());
      JinjavaInterpreter in = new JinjavaInterpreter(jinjava, macros, jinjava.getGlobalConfig());
      try {
        in.render(text);
      } catch (TemplateSyntaxException e) {
        macroProblems.add(
            ProjectProblem.error(f.file(), e.getLineNumber(), message(e.getMessage())));
      }
      for (TemplateError e : in.getErrorsCopy()) {
        if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
          macroProblems.add(
              ProjectProblem.error(f.file(), Math.max(e.getLineno(), 0), message(e.getMessage())));
        }
      }
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
    RenderCall call = new RenderCall(request, project, env, vars);
    Context scope = new Context(macros);
    scope.put("this", new RelationView(request.resolve().apply(request.node())));
    scope.put("target", targetView);
    scope.put("invocation_id", invocationId);
    scope.put("run_started_at", startedAt);
    scope.put("project_name", project.name());
    JinjavaInterpreter in = new JinjavaInterpreter(jinjava, scope, jinjava.getGlobalConfig());
    Path file = request.node().file();
    String out = "";
    call.enter();
    JinjavaInterpreter.pushCurrent(in);
    try {
      out = in.render(request.template());
    } catch (TemplateSyntaxException e) {
      call.problems.add(ProjectProblem.error(file, e.getLineNumber(), message(e.getMessage())));
    } catch (RuntimeException e) {
      call.problems.add(
          ProjectProblem.error(
              file,
              in.getLineNumber(),
              "template error: " + message(String.valueOf(e.getMessage()))));
    } finally {
      JinjavaInterpreter.popCurrent();
      RenderCall.exit();
    }
    for (TemplateError e : in.getErrorsCopy()) {
      String text = String.valueOf(e.getMessage());
      if (text.startsWith("Cycle detected for macro")) {
        // Jinjava only warns and renders the call as nothing: SQL with a hole in it
        call.problems.add(
            ProjectProblem.error(
                file,
                Math.max(e.getLineno(), 1),
                text.replace("Cycle detected for macro", "macro")
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
    return new Rendered(out, call.refs, call.sources, call.config, call.problems);
  }

  private static String message(String m) {
    return m == null ? "template error" : m.strip();
  }
}

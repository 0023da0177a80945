package dev.sluice.core.parse;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.sluice.core.project.ProjectProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every macro a rendering can call, by package: dbt's own ({@code dbt}), each installed package's,
 * and the project's. A bare name finds the project's macro first, then a package's, then dbt's; a
 * dotted name ({@code dbt_utils.star}) finds that package's; {@code adapter.dispatch} searches the
 * packages in the project's {@code dispatch:} order with the target's prefix, then {@code
 * default__}.
 */
final class MacroLibrary {
  static final String DBT = "dbt";

  private final Jinjava jinjava;
  private final Context flat;
  private final String rootName;
  private final Map<String, Map<String, DbtMacro>> byPackage = new LinkedHashMap<>();
  private final Map<String, List<String>> dispatchOrder;
  private final List<ProjectProblem> problems = new ArrayList<>();

  MacroLibrary(
      Jinjava jinjava, Context flat, String rootName, Map<String, List<String>> dispatchOrder) {
    this.jinjava = jinjava;
    this.flat = flat;
    this.rootName = rootName;
    this.dispatchOrder = dispatchOrder;
  }

  /**
   * Reads one file's macros into a package, its {@code {% materialization %}} blocks already taken
   * out ({@link Materializations#strip}). Files are read dbt's first, the project's last, so a
   * later package's bare name wins.
   */
  void read(String pkg, Path file, String text) {
    Context own = new Context(jinjava.getGlobalContext());
    JinjavaInterpreter in = new JinjavaInterpreter(jinjava, own, jinjava.getGlobalConfig());
    try {
      String rewritten = JinjaRewrite.of(TemplateEngine.asMacros(text));
      JinjaRewrite.defaults().forEach(own::put);
      in.render(rewritten);
    } catch (TemplateSyntaxException e) {
      problems.add(ProjectProblem.error(file, e.getLineNumber(), message(e.getMessage())));
    } catch (RuntimeException e) {
      problems.add(ProjectProblem.error(file, in.getLineNumber(), message(e.getMessage())));
    }
    for (TemplateError e : in.getErrorsCopy()) {
      if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
        problems.add(
            ProjectProblem.error(file, Math.max(e.getLineno(), 0), message(e.getMessage())));
      }
    }
    Map<String, DbtMacro> pkgMacros = byPackage.computeIfAbsent(pkg, k -> new LinkedHashMap<>());
    for (MacroFunction m : own.getGlobalMacros().values()) {
      DbtMacro macro = new DbtMacro(m, pkg, file);
      pkgMacros.put(m.getName(), macro);
      MacroFunction existing = flat.getGlobalMacro(m.getName());
      boolean keepProjects =
          existing instanceof DbtMacro d
              && d.packageName().equals(rootName)
              && !pkg.equals(rootName);
      if (!keepProjects) {
        flat.addGlobalMacro(macro);
      }
    }
  }

  List<ProjectProblem> problems() {
    return problems;
  }

  Map<String, Map<String, DbtMacro>> packages() {
    return byPackage;
  }

  /** The namespace objects templates reach by package name ({@code dbt_utils.star}). */
  Map<String, DbtObject> namespaces() {
    Map<String, DbtObject> out = new LinkedHashMap<>();
    byPackage.forEach(
        (pkg, macros) -> {
          DbtObject ns = new DbtObject(pkg, "is not a macro of package " + pkg);
          macros.forEach(ns::put);
          out.put(pkg, ns);
        });
    return out;
  }

  /** The macro {@code adapter.dispatch(name, namespace)} picks for a target type. */
  DbtMacro dispatch(String name, String namespace, String targetType) {
    List<String> search = searchOrder(namespace);
    List<String> tried = new ArrayList<>();
    for (String pkg : search) {
      Map<String, DbtMacro> macros = byPackage.getOrDefault(pkg, Map.of());
      for (String prefix : List.of(targetType, "default")) {
        String candidate = prefix + "__" + name;
        DbtMacro m = macros.get(candidate);
        if (m != null) {
          return m;
        }
        tried.add(pkg + "." + candidate);
      }
    }
    throw new TemplateStop(
        "adapter.dispatch('"
            + name
            + "'"
            + (namespace == null ? "" : ", '" + namespace + "'")
            + ") found no macro; looked for "
            + String.join(", ", tried));
  }

  private List<String> searchOrder(String namespace) {
    if (namespace == null) {
      List<String> all = new ArrayList<>();
      all.add(rootName);
      byPackage.keySet().stream()
          .filter(p -> !p.equals(rootName) && !p.equals(DBT))
          .forEach(all::add);
      all.add(DBT);
      return all;
    }
    List<String> configured = dispatchOrder.get(namespace);
    if (configured != null && !configured.isEmpty()) {
      return configured;
    }
    return namespace.equals(rootName) ? List.of(rootName) : List.of(rootName, namespace);
  }

  private static String message(String m) {
    return m == null ? "template error" : m.strip();
  }
}

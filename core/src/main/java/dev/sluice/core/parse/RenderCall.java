package dev.sluice.core.parse;

import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one rendering, reachable from the static template functions. Jinjava calls functions
 * statically, and a macro runs in the scope it was defined in, so a thread-local is the reliable
 * way back to the call in progress.
 */
final class RenderCall {
  private static final ThreadLocal<RenderCall> CURRENT = new ThreadLocal<>();

  final RenderRequest request;
  final Project project;
  final Map<String, String> env;
  final Map<String, Object> vars;
  final List<String> refs = new ArrayList<>();
  final List<List<String>> sources = new ArrayList<>();
  final Map<String, Object> config = new LinkedHashMap<>();
  final List<ProjectProblem> problems = new ArrayList<>();

  RenderCall(
      RenderRequest request, Project project, Map<String, String> env, Map<String, Object> vars) {
    this.request = request;
    this.project = project;
    this.env = env;
    this.vars = vars;
  }

  static RenderCall current() {
    RenderCall c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("a template function was called outside a rendering");
    }
    return c;
  }

  void enter() {
    CURRENT.set(this);
  }

  static void exit() {
    CURRENT.remove();
  }

  void problem(int line, String message) {
    problems.add(ProjectProblem.error(request.node().file(), line, message));
  }
}

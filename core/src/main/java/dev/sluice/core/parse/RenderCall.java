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
  TemplateEngine engine;
  final Project project;
  final Map<String, String> env;
  final Map<String, Object> vars;
  final List<String> refs = new ArrayList<>();
  final List<List<String>> sources = new ArrayList<>();
  final Map<String, Object> config = new LinkedHashMap<>();
  final List<ProjectProblem> problems = new ArrayList<>();
  final java.util.Deque<Frame> frames = new java.util.ArrayDeque<>();
  final Map<String, Object> statements = new LinkedHashMap<>();
  boolean stopped;

  /** The environment variables read, with the value each had (null when unset). */
  final Map<String, String> envRead = new LinkedHashMap<>();

  /** Set when the rendering read something a parse cache cannot key on (the whole graph). */
  boolean uncacheable;

  /**
   * Set when the rendering asked the warehouse something ({@code run_query}, {@code statement},
   * {@code adapter.get_columns_in_relation}, ...): its output depends on what the warehouse holds.
   */
  boolean introspected;

  /**
   * Set when the rendering read the clock ({@code run_started_at}, {@code modules.datetime}'s
   * {@code now}): its output differs from one process to the next.
   */
  boolean clockRead;

  /** Marks the rendering in progress on this thread, if any, as having read the clock. */
  static void readClock() {
    RenderCall c = CURRENT.get();
    if (c != null) {
      c.clockRead = true;
    }
  }

  /** Set when the template was of the static shape and rendered without Jinjava. */
  boolean withoutJinja;

  /** What the rendering gave, once done. */
  Rendered result;

  /** One macro call in progress, and what its {@code return()} gave. */
  static final class Frame {
    final DbtMacro macro;
    boolean returned;
    Object value;

    Frame(DbtMacro macro) {
      this.macro = macro;
    }
  }

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

  /** The target's database (catalog) name, for relations' {@code database}. */
  static String database() {
    RenderCall c = CURRENT.get();
    return c == null || c.engine == null ? "memory" : c.engine.database();
  }

  static RenderCall currentOrNull() {
    return CURRENT.get();
  }

  /**
   * Records what stopped this rendering, at the macro file and line in progress, once: later
   * problems are consequences.
   */
  void stop(String message) {
    if (stopped) {
      return;
    }
    stopped = true;
    JinjavaLine at = JinjavaLine.now();
    Frame f = frames.peek();
    if (f != null && f.macro.file() != null) {
      problems.add(
          ProjectProblem.error(
              f.macro.file(), at.line(), message + " (in macro " + f.macro.getName() + ")"));
    } else {
      problem(at.line(), message);
    }
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

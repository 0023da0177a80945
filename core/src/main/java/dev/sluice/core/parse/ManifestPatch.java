package dev.sluice.core.parse;

import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The next parse made from the last one when the project differs from the last only in the SQL of a
 * few models (what {@link dev.sluice.core.project.SourceFiles} gives after an edit): those models
 * are rendered again and their nodes and edges put in place; every other node, rendering, edge and
 * problem is the last parse's. It applies only when the last parse left nothing that depends on
 * more than its own inputs: every templated node's rendering held in memory (none read the whole
 * graph, the time or had a problem), no cycle. Any other change, or a changed model whose new
 * rendering has a problem, is refused, and a whole parse follows. What it gives is what a whole
 * parse of the same project gives ({@code IncrementalParseTest}).
 */
final class ManifestPatch {
  private ManifestPatch() {}

  /** With more changed models than this, a whole parse is about as quick. */
  private static final int MOST = 64;

  /** What the last parse was made of and made, with what a patch needs to check and place. */
  record Base(
      Project loaded,
      Manifest manifest,
      String fingerprint,
      Map<String, String> envRead,
      Map<String, Integer> resolvedAt,
      Set<String> troubled,
      ParseMemory.Graph graph) {}

  /**
   * What a patch of the next parse starts from, after a whole parse of {@code loaded} made {@code
   * m}; null when that parse left something a patch cannot reuse.
   */
  static Base base(Project loaded, Manifest m, TemplateEngine engine, ParseMemory memory) {
    ParseMemory.Graph graph = memory.lastGraph();
    if (graph == null || graph.cycle().isPresent() || graph.dag() != m.dag()) {
      return null;
    }
    Map<String, String> envRead = new HashMap<>();
    Set<String> troubled = new HashSet<>();
    for (Node n : loaded.nodes()) {
      String sql = Manifest.sqlOf(n);
      if (sql != null) {
        ParseMemory.Held h = memory.held(n.uniqueId());
        if (h == null || h.node() != n || h.problems() == null) {
          return null; // rendered every time: it may read what a patch does not look at
        }
        envRead.putAll(h.entry().env());
        Rendered r = m.parsed().get(n.uniqueId());
        if (!h.problems().isEmpty() || r == null || r.refs().contains(n.name())) {
          troubled.add(n.uniqueId());
        }
      } else if (n instanceof GenericTest g) {
        for (Object value : g.arguments().values()) {
          if (value instanceof String s && (s.contains("ref(") || s.contains("source("))) {
            ParseMemory.Held h = memory.held(ParseMemory.argumentKey(n, "{{ " + s + " }}"));
            if (h == null || h.node() != n) {
              return null;
            }
            envRead.putAll(h.entry().env());
          }
        }
      }
    }
    List<Node> resolved = m.project().nodes();
    Map<String, Integer> at = new HashMap<>(resolved.size() * 2);
    for (int i = 0; i < resolved.size(); i++) {
      at.put(resolved.get(i).uniqueId(), i);
    }
    return new Base(loaded, m, engine.fingerprint(), envRead, at, troubled, graph);
  }

  /**
   * The parse of {@code project} made from {@code base}, or null when it cannot be (a whole parse
   * is then needed). On success {@code memory} holds the base for the next one.
   */
  static Manifest apply(
      Base base, Project project, TemplateEngine engine, Target target, ParseMemory memory) {
    if (base == null) {
      return null;
    }
    Project last = base.loaded();
    if (!same(project.settings(), last.settings())
        || !same(project.macros(), last.macros())
        || !same(project.docs(), last.docs())
        || !same(project.problems(), last.problems())
        || !engine.fingerprint().equals(base.fingerprint())) {
      return null;
    }
    for (Map.Entry<String, String> v : base.envRead().entrySet()) {
      if (!Objects.equals(engine.env().get(v.getKey()), v.getValue())) {
        return null;
      }
    }
    List<Node> now = project.nodes();
    List<Node> before = last.nodes();
    if (now.size() != before.size()) {
      return null;
    }
    List<Model> changed = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      Node n = now.get(i);
      Node o = before.get(i);
      if (n != o) {
        if (!(n instanceof Model m) || !(o instanceof Model om) || !onlySqlDiffers(m, om)) {
          return null;
        }
        if (changed.size() == MOST || base.troubled().contains(m.uniqueId())) {
          return null;
        }
        changed.add(m);
      }
    }
    Manifest m = base.manifest();
    if (changed.isEmpty()) {
      memory.patched(
          new Base(
              project,
              m,
              base.fingerprint(),
              base.envRead(),
              base.resolvedAt(),
              base.troubled(),
              base.graph()),
          0);
      return m;
    }
    List<Node> resolvedNodes = new ArrayList<>(m.project().nodes());
    Map<String, Rendered> parsed = new HashMap<>(m.parsed());
    Map<String, List<String>> edges = base.graph().edges();
    Map<String, String> envRead = base.envRead();
    int throughJinja = 0;
    for (Model x : changed) {
      Integer at = base.resolvedAt().get(x.uniqueId());
      String sql = x.sql();
      if (at == null || sql.contains("run_started_at") || sql.contains("invocation_id")) {
        return null; // disabled last time, or a template that prints when it was rendered
      }
      RenderCall call =
          engine.renderCall(
              new RenderRequest(x, sql, n -> Relations.of(n, target), false), Map.of());
      Rendered r = call.result;
      throughJinja += call.withoutJinja ? 0 : 1;
      if (call.uncacheable || !r.problems().isEmpty() || r.refs().contains(x.name())) {
        return null;
      }
      Node effective = Manifest.withConfig(x, x.config().merge(r.config()));
      Map<String, Object> placed = engine.placement(effective);
      if (!placed.isEmpty()) {
        effective = Manifest.withConfig(effective, effective.config().merge(NodeConfig.of(placed)));
      }
      if (!effective.config().enabled()
          || engine.unsupportedMaterialization(effective) != null
          || engine.unsupportedDatabase(effective) != null) {
        return null;
      }
      List<String> deps =
          Manifest.dependencies(
              effective, r, m.project(), engine, target, parsed, project, ParseCache.NONE);
      if (!deps.equals(edges.get(x.uniqueId()))) {
        if (edges == base.graph().edges()) {
          edges = new LinkedHashMap<>(edges);
        }
        edges.put(x.uniqueId(), deps);
      }
      if (!call.envRead.isEmpty()) {
        if (envRead == base.envRead()) {
          envRead = new HashMap<>(envRead);
        }
        envRead.putAll(call.envRead);
      }
      resolvedNodes.set(at, effective);
      parsed.put(x.uniqueId(), r);
    }
    ParseMemory.Graph graph = base.graph();
    if (edges != graph.edges()) {
      Dag dag = new Dag(edges);
      graph = new ParseMemory.Graph(edges, dag, dag.findCycle());
      if (graph.cycle().isPresent()) {
        return null; // the whole parse says where
      }
    }
    Manifest out =
        new Manifest(m.project().withNodes(resolvedNodes), graph.dag(), parsed, m.problems());
    memory.graph(graph);
    memory.patched(
        new Base(
            project, out, base.fingerprint(), envRead, base.resolvedAt(), base.troubled(), graph),
        throughJinja);
    return out;
  }

  private static boolean onlySqlDiffers(Model a, Model b) {
    return a.name().equals(b.name())
        && Objects.equals(a.file(), b.file())
        && a.folder().equals(b.folder())
        && a.config().equals(b.config())
        && a.description().equals(b.description())
        && a.columns().equals(b.columns());
  }

  private static boolean same(Object a, Object b) {
    return a == b || a.equals(b);
  }
}

package dev.sluice.core.parse;

import dev.sluice.core.project.DataTest;
import dev.sluice.core.project.Export;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.SingularTest;
import dev.sluice.core.project.Snapshot;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.project.Target;
import dev.sluice.core.warehouse.Relations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed project: every node with its final configuration (the project file, then schema files,
 * then {@code config()} in the SQL), the graph of what reads what, and every problem found. This is
 * the plain data that planning, the CLI and the app all start from.
 *
 * @param project the project with each node's configuration resolved; disabled nodes removed
 * @param parsed the parse-time rendering of each templated node (its refs, sources and config)
 */
public record Manifest(
    Project project, Dag dag, Map<String, Rendered> parsed, List<ProjectProblem> problems) {

  public Manifest {
    parsed = Map.copyOf(parsed);
    problems = List.copyOf(problems);
  }

  /** Parses a project with its default target and the process environment. */
  public static Manifest of(Project project) {
    Target target = project.settings().target(null);
    return of(
        project, new TemplateEngine(project, target, System.getenv(), Map.of(), "parse"), target);
  }

  /**
   * Parses with the partial-parse cache under the target folder (see {@link ParseCache}): only
   * nodes whose inputs changed are rendered again.
   */
  public static Manifest of(Project project, TemplateEngine engine, Target target) {
    ParseCache cache =
        engine.queries().executing() ? ParseCache.NONE : ParseCache.open(project, engine);
    return of(project, engine, target, cache);
  }

  /**
   * As {@link #of(Project, TemplateEngine, Target)}, keeping this parse in {@code memory} and
   * taking from it what did not change since the last one (see {@link ParseMemory}).
   */
  public static Manifest of(
      Project project, TemplateEngine engine, Target target, ParseMemory memory) {
    if (engine.queries().executing()) {
      return of(project, engine, target, ParseCache.NONE);
    }
    Manifest patched = ManifestPatch.apply(memory.base(), project, engine, target, memory);
    if (patched != null) {
      return patched; // only some models' SQL changed: the last parse with them rendered again
    }
    Manifest m = of(project, engine, target, ParseCache.open(project, engine, memory));
    memory.base(ManifestPatch.base(project, m, engine, memory));
    return m;
  }

  /** Parses with this cache ({@link ParseCache#NONE} renders every node). */
  public static Manifest of(
      Project project, TemplateEngine engine, Target target, ParseCache cache) {
    List<ProjectProblem> problems = new ArrayList<>(project.problems());
    // reading the macros may mean setting Jinjava up: done beside the nodes, its problems put first
    dev.sluice.core.io.Aside<List<ProjectProblem>> macroProblems = engine.macroProblemsAside();
    int macroProblemsAt = problems.size();
    Map<String, Rendered> parsed = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>();
    Set<String> disabled = new LinkedHashSet<>();
    for (Node node : project.nodes()) {
      String sql = sqlOf(node);
      if (sql == null) {
        Map<String, Object> placed =
            node instanceof dev.sluice.core.project.Seed ? engine.placement(node) : Map.of();
        nodes.add(placed.isEmpty() ? node : withConfig(node, node.config().merge(placed)));
        continue;
      }
      Rendered r =
          cache.render(engine, project, node, sql, n -> Relations.of(n, target), engine.env());
      parsed.put(node.uniqueId(), r);
      problems.addAll(r.problems());
      ParseMemory.Held before = cache.settled(node);
      if (before != null) {
        // the rendering is the last parse's, so is what the parse made of it
        problems.addAll(before.problems());
        if (before.enabled()) {
          nodes.add(before.effective());
        } else {
          disabled.add(node.uniqueId());
        }
        continue;
      }
      List<ProjectProblem> own = new ArrayList<>();
      Node effective = withConfig(node, node.config().merge(r.config()));
      Map<String, Object> placed = engine.placement(effective);
      if (!placed.isEmpty()) {
        effective = withConfig(effective, effective.config().merge(NodeConfig.of(placed)));
      }
      if (effective.config().enabled()) {
        String unsupported = engine.unsupportedMaterialization(effective);
        if (unsupported != null) {
          own.add(ProjectProblem.error(node.file(), node.line(), unsupported));
        }
        String elsewhere = engine.unsupportedDatabase(effective);
        if (elsewhere != null) {
          own.add(ProjectProblem.error(node.file(), node.line(), elsewhere));
        }
        nodes.add(effective);
      } else {
        disabled.add(node.uniqueId());
      }
      problems.addAll(own);
      cache.settle(node, effective, effective.config().enabled(), own);
    }
    // tests of a disabled node go with it
    nodes.removeIf(n -> n instanceof GenericTest g && disabled.contains(g.attachedTo()));
    // so do its exports, but a file that silently stops appearing deserves a word
    nodes.removeIf(
        n -> {
          if (n instanceof Export e
              && project
                  .refable(e.model())
                  .map(m -> disabled.contains(m.uniqueId()))
                  .orElse(false)) {
            problems.add(
                ProjectProblem.warning(
                    e.file(),
                    e.line(),
                    "export '"
                        + e.name()
                        + "' is left out: model '"
                        + e.model()
                        + "' is disabled"));
            return true;
          }
          return false;
        });
    try {
      problems.addAll(macroProblemsAt, macroProblems.join());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // macroProblems() throws none
    }
    Project resolved = project.withNodes(nodes);

    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (Node node : nodes) {
      edges.put(
          node.uniqueId(),
          dependencies(
              node, parsed.get(node.uniqueId()), resolved, engine, target, parsed, project, cache));
    }
    for (Node node : nodes) {
      Rendered r = parsed.get(node.uniqueId());
      if (r != null
          && node.kind() != dev.sluice.core.project.NodeKind.TEST
          && r.refs().contains(node.name())) {
        // the graph drops a self-edge, so say it here: reading its own rows is a cycle
        problems.add(
            ProjectProblem.error(
                node.file(),
                node.line(),
                "cycle: "
                    + node.name()
                    + " refs itself; an incremental model reads its previous rows with {{ this }}"));
      }
    }
    ParseMemory.Graph graph = cache.graph(edges);
    Dag dag = graph.dag();
    Optional<List<String>> cycle = graph.cycle();
    if (cycle.isPresent()) {
      Node first = resolved.node(cycle.get().get(0)).orElseThrow();
      problems.add(
          ProjectProblem.error(
              first.file(),
              first.line(),
              "cycle: "
                  + String.join(" -> ", cycle.get().stream().map(Manifest::shortName).toList())
                  + "; remove one of these refs"));
    }
    cache.save(problems.stream().anyMatch(ProjectProblem::isError));
    return new Manifest(resolved, dag, parsed, problems);
  }

  private static String shortName(String uniqueId) {
    return uniqueId.substring(uniqueId.indexOf('.') + 1);
  }

  static List<String> dependencies(
      Node node,
      Rendered rendered,
      Project project,
      TemplateEngine engine,
      Target target,
      Map<String, Rendered> parsed,
      Project loaded,
      ParseCache cache) {
    Set<String> deps = new LinkedHashSet<>();
    if (rendered != null) {
      rendered.refs().forEach(name -> project.refable(name).ifPresent(n -> deps.add(n.uniqueId())));
      rendered
          .sources()
          .forEach(p -> project.source(p.get(0), p.get(1)).ifPresent(n -> deps.add(n.uniqueId())));
    }
    if (node instanceof Export e) {
      project.refable(e.model()).ifPresent(n -> deps.add(n.uniqueId()));
    }
    if (node instanceof dev.sluice.core.project.UnitTest u) {
      project.refable(u.model()).ifPresent(n -> deps.add(n.uniqueId()));
    }
    if (node instanceof GenericTest g) {
      deps.add(g.attachedTo());
      // arguments like `to: ref('customers')` are templates too
      for (Object value : g.arguments().values()) {
        if (value instanceof String s && (s.contains("ref(") || s.contains("source("))) {
          Rendered r =
              cache.renderArgument(
                  engine,
                  loaded,
                  node,
                  "{{ " + s + " }}",
                  n -> Relations.of(n, target),
                  engine.env());
          parsed.merge(node.uniqueId(), r, (a, b) -> a);
          r.refs().forEach(name -> project.refable(name).ifPresent(n -> deps.add(n.uniqueId())));
          r.sources()
              .forEach(
                  p -> project.source(p.get(0), p.get(1)).ifPresent(n -> deps.add(n.uniqueId())));
        }
      }
    }
    return new ArrayList<>(deps);
  }

  /** The template of a node that has one. */
  public static String sqlOf(Node node) {
    return switch (node.kind()) {
      case MODEL -> ((Model) node).sql();
      case SNAPSHOT -> ((Snapshot) node).sql();
      case TEST -> node instanceof SingularTest s ? s.sql() : null;
      case SEED, SOURCE, EXPORT -> null;
    };
  }

  static Node withConfig(Node node, NodeConfig config) {
    return switch (node.kind()) {
      case MODEL -> ((Model) node).withConfig(config);
      case SNAPSHOT -> {
        Snapshot s = (Snapshot) node;
        yield new Snapshot(s.name(), s.file(), s.line(), s.sql(), config, s.description());
      }
      case TEST -> {
        if (node instanceof SingularTest s) {
          yield new SingularTest(s.name(), s.file(), s.sql(), config, s.description());
        }
        yield node;
      }
      case SEED -> {
        dev.sluice.core.project.Seed s = (dev.sluice.core.project.Seed) node;
        yield new dev.sluice.core.project.Seed(
            s.name(), s.file(), s.folder(), config, s.description(), s.columns());
      }
      case SOURCE, EXPORT -> node;
    };
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ProjectProblem::isError);
  }

  public Optional<Node> node(String uniqueId) {
    return project.node(uniqueId);
  }

  /** Tests that check {@code uniqueId}: generic tests attached to it and tests that read it. */
  public List<DataTest> testsOf(String uniqueId) {
    List<DataTest> out = new ArrayList<>();
    for (String child : dag.children(uniqueId)) {
      project
          .node(child)
          .filter(n -> n instanceof DataTest)
          .map(DataTest.class::cast)
          .ifPresent(out::add);
    }
    return out;
  }

  /** Source tables that Sluice loads itself. */
  public List<SourceTable> loadedSources() {
    return project.nodesOf(SourceTable.class).stream().filter(SourceTable::isLoaded).toList();
  }
}

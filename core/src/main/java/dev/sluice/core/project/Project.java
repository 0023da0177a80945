package dev.sluice.core.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded project (immutable): its settings, its nodes and macros, and the problems found while
 * reading it. A project with problems still holds every node that could be read, so an editor can
 * show it.
 */
public final class Project {
  private final Path root;
  private final ProjectSettings settings;
  private final List<Node> nodes;
  private final List<MacroFile> macros;
  private final Map<String, String> docs;
  private final List<ProjectProblem> problems;
  private final Index index;
  private volatile Map<String, Node> byId;

  /**
   * Where each node id and each name {@code ref()} accepts stands in the node list; it depends on
   * the ids alone, so projects with the same ids in the same order share one.
   */
  private static final class Index {
    final Map<String, Integer> at;
    volatile Map<String, Integer> refable;

    Index(List<Node> nodes) {
      at = new java.util.HashMap<>(nodes.size() * 2);
      for (int i = 0; i < nodes.size(); i++) {
        at.put(nodes.get(i).uniqueId(), i);
      }
    }

    Map<String, Integer> refable(List<Node> nodes) {
      Map<String, Integer> r = refable;
      if (r == null) {
        // by name, built once: a parse asks this for every ref of every node
        r = new java.util.HashMap<>();
        // a model's name wins over a seed's, a seed's over a snapshot's
        for (Class<?> kind : List.of(Model.class, Seed.class, Snapshot.class)) {
          for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (kind.isInstance(n)) {
              r.putIfAbsent(n.name(), i);
            }
          }
        }
        refable = r;
      }
      return r;
    }

    /** Whether {@code nodes} has the ids this index was made of, in the same order. */
    boolean fits(List<Node> mine, List<Node> nodes) {
      if (mine.size() != nodes.size()) {
        return false;
      }
      for (int i = 0; i < nodes.size(); i++) {
        Node a = mine.get(i);
        Node b = nodes.get(i);
        if (a != b && !a.uniqueId().equals(b.uniqueId())) {
          return false;
        }
      }
      return true;
    }
  }

  public Project(
      Path root,
      ProjectSettings settings,
      List<Node> nodes,
      List<MacroFile> macros,
      Map<String, String> docs,
      List<ProjectProblem> problems) {
    this(root, settings, List.copyOf(nodes), macros, docs, problems, null);
  }

  private Project(
      Path root,
      ProjectSettings settings,
      List<Node> nodes,
      List<MacroFile> macros,
      Map<String, String> docs,
      List<ProjectProblem> problems,
      Index shared) {
    this.root = root;
    this.settings = settings;
    this.nodes = nodes;
    this.macros = List.copyOf(macros);
    this.docs = Map.copyOf(docs);
    this.problems = List.copyOf(problems);
    this.index = shared != null ? shared : new Index(nodes);
  }

  public Path root() {
    return root;
  }

  public ProjectSettings settings() {
    return settings;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public List<MacroFile> macros() {
    return macros;
  }

  public Map<String, String> docs() {
    return docs;
  }

  public List<ProjectProblem> problems() {
    return problems;
  }

  /** A file of Jinja macros. */
  public record MacroFile(Path file, String text) {}

  public String name() {
    return settings.name();
  }

  private volatile InstalledPackages installed;

  /** The packages installed under {@code dbt_packages/}, read once. */
  public InstalledPackages installedPackages() {
    InstalledPackages p = installed;
    if (p == null) {
      p = InstalledPackages.read(root);
      installed = p;
    }
    return p;
  }

  /**
   * The package a node comes from, as dbt's {@code package_name}: an installed package's name for
   * its models, seeds and tests, the project's own name otherwise.
   */
  public String packageOf(Node node) {
    if (node == null || node.file() == null || !node.file().startsWith(InstalledPackages.FOLDER)) {
      return name();
    }
    InstalledPackages.Package p = installedPackages().packageOf(node.file());
    return p == null ? name() : p.name();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(ProjectProblem::isError);
  }

  /** Throws with every error when there is one. */
  public Project requireValid() {
    List<ProjectProblem> errors = problems.stream().filter(ProjectProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ProjectException(errors);
    }
    return this;
  }

  public Map<String, Node> byId() {
    Map<String, Node> m = byId;
    if (m == null) {
      Map<String, Node> made = new LinkedHashMap<>();
      nodes.forEach(n -> made.put(n.uniqueId(), n));
      m = java.util.Collections.unmodifiableMap(made);
      byId = m;
    }
    return m;
  }

  public Optional<Node> node(String uniqueId) {
    Integer i = index.at.get(uniqueId);
    return i == null ? Optional.empty() : Optional.of(nodes.get(i));
  }

  /** The model, seed or snapshot that {@code ref(name)} means. */
  public Optional<Node> refable(String name) {
    Integer i = index.refable(nodes).get(name);
    return i == null ? Optional.empty() : Optional.of(nodes.get(i));
  }

  public Optional<SourceTable> source(String sourceName, String table) {
    return node("source." + sourceName + "." + table).map(SourceTable.class::cast);
  }

  public <T extends Node> List<T> nodesOf(Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (Node n : nodes) {
      if (kind.isInstance(n)) {
        out.add(kind.cast(n));
      }
    }
    return out;
  }

  public Path resolve(Path relative) {
    return root.resolve(relative);
  }

  public Project withNodes(List<Node> newNodes) {
    List<Node> copy = List.copyOf(newNodes);
    return new Project(
        root, settings, copy, macros, docs, problems, index.fits(nodes, copy) ? index : null);
  }

  public Project withProblems(List<ProjectProblem> more) {
    List<ProjectProblem> all = new ArrayList<>(problems);
    all.addAll(more);
    return new Project(root, settings, nodes, macros, docs, all);
  }
}

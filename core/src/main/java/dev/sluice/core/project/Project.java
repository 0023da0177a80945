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
  private final Map<String, Node> byId;

  public Project(
      Path root,
      ProjectSettings settings,
      List<Node> nodes,
      List<MacroFile> macros,
      Map<String, String> docs,
      List<ProjectProblem> problems) {
    this.root = root;
    this.settings = settings;
    this.nodes = List.copyOf(nodes);
    this.macros = List.copyOf(macros);
    this.docs = Map.copyOf(docs);
    this.problems = List.copyOf(problems);
    Map<String, Node> index = new LinkedHashMap<>();
    this.nodes.forEach(n -> index.put(n.uniqueId(), n));
    this.byId = java.util.Collections.unmodifiableMap(index);
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
    return byId;
  }

  public Optional<Node> node(String uniqueId) {
    return Optional.ofNullable(byId.get(uniqueId));
  }

  private volatile Map<String, Node> refables;

  /** The model, seed or snapshot that {@code ref(name)} means. */
  public Optional<Node> refable(String name) {
    Map<String, Node> r = refables;
    if (r == null) {
      // by name, built once: a parse asks this for every ref of every node
      r = new java.util.HashMap<>();
      for (String prefix : List.of("model.", "seed.", "snapshot.")) {
        for (Node n : nodes) {
          String id = n.uniqueId();
          if (id.startsWith(prefix)) {
            r.putIfAbsent(id.substring(prefix.length()), n);
          }
        }
      }
      refables = r;
    }
    return Optional.ofNullable(r.get(name));
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
    return new Project(root, settings, newNodes, macros, docs, problems);
  }

  public Project withProblems(List<ProjectProblem> more) {
    List<ProjectProblem> all = new ArrayList<>(problems);
    all.addAll(more);
    return new Project(root, settings, nodes, macros, docs, all);
  }
}

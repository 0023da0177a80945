package dev.sluice.core.parse;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last parse of one project kept in memory, for a process that parses the same folder again and
 * again (the app, after each save). A node's rendering is reused when the node is the very object
 * of the last parse ({@link dev.sluice.core.project.SourceFiles} gives back unchanged nodes), the
 * engine's fingerprint is the same, every environment variable it read has the value it had, and
 * every {@code ref()} and {@code source()} it called finds the very node it found then. What the
 * parse made of the node (its configuration merged, placement, problems) is reused with it. Held by
 * one caller; a parse that fails midway leaves the last complete one in place.
 */
public final class ParseMemory {
  /** One node as the last parse left it. */
  record Held(
      Node node,
      ParseCache.Entry entry,
      Rendered rendered,
      List<Node> targets,
      Node effective,
      boolean enabled,
      List<ProjectProblem> problems) {

    Held settled(Node effective, boolean enabled, List<ProjectProblem> problems) {
      return new Held(node, entry, rendered, targets, effective, enabled, List.copyOf(problems));
    }
  }

  private String fingerprint;
  private Map<String, Held> held = Map.of();

  /** The last graph with the edges it was made of and its cycle, if any. */
  record Graph(Map<String, List<String>> edges, Dag dag, java.util.Optional<List<String>> cycle) {}

  private Graph graph;

  /** The last graph when it was made of the same edges, else null. */
  Graph graph(Map<String, List<String>> edges) {
    Graph g = graph;
    return g != null && g.edges().equals(edges) ? g : null;
  }

  void graph(Graph g) {
    graph = g;
  }

  /** The graph of the last parse, whatever its edges. */
  Graph lastGraph() {
    return graph;
  }

  /** The node (or test argument, see {@link #argumentKey}) as the last parse left it, if held. */
  Held held(String id) {
    return held.get(id);
  }

  /** The key a test argument's rendering is held under (as {@link ParseCache} keeps it). */
  static String argumentKey(Node test, String template) {
    return "argument " + test.uniqueId() + " " + template;
  }

  /** What the next parse can be patched from, when the last one allows it (see ManifestPatch). */
  private ManifestPatch.Base base;

  private boolean lastPatched;

  ManifestPatch.Base base() {
    return base;
  }

  void base(ManifestPatch.Base b) {
    base = b;
    lastPatched = false;
  }

  /** A parse was patched from the base: this is the next one's; it rendered {@code n} nodes. */
  void patched(ManifestPatch.Base next, int n) {
    base = next;
    rendered = n;
    lastPatched = true;
  }

  /** Whether the last parse was the one before it with only changed models rendered and placed. */
  public boolean patched() {
    return lastPatched;
  }

  /** The nodes kept under this fingerprint; none when it changed. */
  Map<String, Held> under(String fp) {
    return fp.equals(fingerprint) ? held : Map.of();
  }

  private int rendered;

  private int nodes;

  /** How many nodes (not test arguments) the memory holds. */
  int nodes() {
    return nodes;
  }

  void replace(String fp, Map<String, Held> next, int nodes, int rendered) {
    this.rendered = rendered;
    this.nodes = nodes;
    fingerprint = fp;
    held = new HashMap<>(next);
  }

  /** How many nodes the last parse rendered (the rest came from here or the file). */
  public int rendered() {
    return rendered;
  }
}

package dev.sluice.core.compile;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.warehouse.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiled nodes kept in memory from one compile of a project to the next, as the app compiles
 * every node again after each save to tell which are stale. Only nodes whose template is of the
 * static shape (literal {@code ref}, {@code source} and {@code config} calls, see the parse README)
 * are kept: their SQL is a function of the node as parsed, the relations its refs and sources name
 * and the template engine's fingerprint, and nothing else. A kept node is used only when all of
 * those are as they were: the node equal to the one compiled, the same fingerprint (every macro,
 * var, the target and {@code sluice.yml}'s settings), each ref and source naming the same relation
 * now, its own relation and {@code is_incremental()} the same. Nodes that inline an ephemeral
 * model, or whose compile had problems, are compiled every time.
 */
public final class CompileMemo {
  /** What a compile of one node used, with what it gave. */
  private record Kept(
      Node node,
      String template,
      Relation relation,
      boolean incremental,
      List<String> refs,
      List<List<String>> sources,
      List<Relation> named,
      CompiledNode compiled) {}

  private final Map<String, Kept> kept = new HashMap<>();
  private String fingerprint = "";
  private int hits;

  /** How many compiles were answered from here. */
  public synchronized int hits() {
    return hits;
  }

  synchronized CompiledNode find(
      Node node,
      String template,
      Relation relation,
      boolean incremental,
      String engineFingerprint,
      Project project,
      Function<Node, Relation> relationOf) {
    if (!under(engineFingerprint)) {
      return null;
    }
    Kept k = kept.get(node.uniqueId());
    if (k == null
        || k.incremental != incremental
        || !(k.node == node || k.node.equals(node))
        || !k.template.equals(template)
        || !k.relation.equals(relation)
        || !k.named.equals(named(k.refs, k.sources, project, relationOf))) {
      return null;
    }
    hits++;
    CompiledNode c = k.compiled;
    return c.node() == node
        ? c
        : new CompiledNode(
            node, c.relation(), c.sql(), c.incremental(), c.problems(), c.setByConfigCalls());
  }

  synchronized void keep(
      CompiledNode compiled,
      String template,
      List<String> refs,
      List<List<String>> sources,
      String engineFingerprint,
      Project project,
      Function<Node, Relation> relationOf) {
    under(engineFingerprint);
    List<Relation> named = named(refs, sources, project, relationOf);
    if (named == null) {
      return;
    }
    Node node = compiled.node();
    kept.put(
        node.uniqueId(),
        new Kept(
            node,
            template,
            compiled.relation(),
            compiled.incremental(),
            List.copyOf(refs),
            List.copyOf(sources),
            named,
            compiled));
  }

  /** Whether what is kept was made under {@code engineFingerprint}; if not, it is dropped. */
  private boolean under(String engineFingerprint) {
    if (fingerprint.equals(engineFingerprint)) {
      return true;
    }
    kept.clear();
    fingerprint = engineFingerprint;
    return false;
  }

  /**
   * The relations the refs and sources name now, as the static rendering looks them up; null when
   * one names nothing or an ephemeral model (which is inlined, so its SQL is part of this one's).
   */
  private static List<Relation> named(
      List<String> refs,
      List<List<String>> sources,
      Project project,
      Function<Node, Relation> relationOf) {
    List<Relation> out = new ArrayList<>(refs.size() + sources.size());
    for (String name : refs) {
      Optional<? extends Node> n = project.refable(name);
      if (n.isEmpty() || "ephemeral".equals(n.get().config().materialized(""))) {
        return null;
      }
      out.add(relationOf.apply(n.get()));
    }
    for (List<String> s : sources) {
      Optional<? extends Node> n = s.size() == 2 ? project.source(s.get(0), s.get(1)) : null;
      if (n == null || n.isEmpty()) {
        return null;
      }
      out.add(relationOf.apply(n.get()));
    }
    return out;
  }
}

package dev.sluice.core.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** --select and --exclude, each taking one or more selectors. */
final class SelectionOptions {
  @Option(
      names = {"-s", "--select"},
      arity = "1..*",
      paramLabel = "SELECTOR",
      description =
          "Nodes to include: name, +name, name+, N+name, name+N, tag:x, path:dir, source:s[.t] ...")
  List<String> select;

  @Option(
      names = "--exclude",
      arity = "1..*",
      paramLabel = "SELECTOR",
      description = "Nodes to leave out.")
  List<String> exclude;

  String select() {
    return select == null ? null : String.join(" ", select);
  }

  String exclude() {
    return exclude == null ? null : String.join(" ", exclude);
  }

  /**
   * The one node (tests left out) these selectors pick in {@code manifest}, or empty after telling
   * {@code err} what was picked instead, for the verbs that work on a single node.
   */
  java.util.Optional<dev.sluice.core.project.Node> oneNode(
      String verb, dev.sluice.core.parse.Manifest manifest, java.io.PrintWriter err) {
    List<dev.sluice.core.project.Node> nodes =
        dev.sluice.core.plan.Selector.select(manifest, select(), exclude()).stream()
            .map(id -> manifest.node(id).orElseThrow())
            .filter(n -> n.kind() != dev.sluice.core.project.NodeKind.TEST)
            .toList();
    if (nodes.size() == 1) {
      return java.util.Optional.of(nodes.get(0));
    }
    err.println(
        verb
            + " needs exactly one node; '"
            + select()
            + "' selects "
            + nodes.size()
            + (nodes.isEmpty()
                ? ""
                : ": "
                    + String.join(
                        ", ", nodes.stream().map(dev.sluice.core.project.Node::name).toList())));
    return java.util.Optional.empty();
  }
}

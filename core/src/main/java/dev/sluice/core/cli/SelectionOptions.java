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
}

package dev.sluice.app.runs;

import dev.sluice.core.plan.Command;

/**
 * What a person asked to run from the graph, as a command and a selector in the CLI's language, so
 * that the same run can be repeated in a terminal.
 */
public record RunRequest(String label, Command command, String select) {

  /** The node selector: {@code shop_db.orders} for a source table, the name otherwise. */
  public static String selectorOf(String nodeId) {
    String rest = nodeId.substring(nodeId.indexOf('.') + 1);
    return nodeId.startsWith("source.") ? "source:" + rest : rest;
  }

  public static RunRequest node(String nodeId) {
    return new RunRequest("Run", Command.BUILD, selectorOf(nodeId));
  }

  public static RunRequest withUpstream(String nodeId) {
    return new RunRequest("Run with upstream", Command.BUILD, "+" + selectorOf(nodeId));
  }

  public static RunRequest withDownstream(String nodeId) {
    return new RunRequest("Run with downstream", Command.BUILD, selectorOf(nodeId) + "+");
  }

  public static RunRequest test(String nodeId) {
    return new RunRequest("Test", Command.TEST, selectorOf(nodeId));
  }

  /**
   * Several nodes at once, each with its upstream ({@code +a +b}), its downstream ({@code a+ b+})
   * or alone.
   */
  public static RunRequest nodes(java.util.Collection<String> nodeIds, boolean up, boolean down) {
    String select =
        nodeIds.stream()
            .sorted()
            .map(id -> (up ? "+" : "") + selectorOf(id) + (down ? "+" : ""))
            .collect(java.util.stream.Collectors.joining(" "));
    String label = up ? "Run with upstream" : down ? "Run with downstream" : "Run";
    return new RunRequest(label + " (" + nodeIds.size() + " nodes)", Command.BUILD, select);
  }

  /** The failed nodes again, and everything after them that was skipped. */
  public static RunRequest retryFrom(java.util.Collection<String> failedIds) {
    RunRequest r = nodes(failedIds, false, true);
    return new RunRequest("Retry from failed", Command.BUILD, r.select());
  }

  /** What a person typed in the selector box, in the CLI's selector language. */
  public static RunRequest selector(String select) {
    return new RunRequest("Run " + select.strip(), Command.BUILD, select.strip());
  }

  public static RunRequest everything() {
    return new RunRequest("Build all", Command.BUILD, null);
  }

  /** The same run as a command line. */
  public String commandLine() {
    return "sluice " + command.label() + (select == null ? "" : " --select '" + select + "'");
  }
}

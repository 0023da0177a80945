package dev.sluice.app.runs;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The run items of a node's context menu: Run, Run with upstream, Run with downstream, Test. */
public final class RunMenu {
  private RunMenu() {}

  public static List<MenuItem> forNode(String nodeId, boolean runBusy, Consumer<RunRequest> start) {
    List<MenuItem> items = new java.util.ArrayList<>();
    for (RunRequest r :
        List.of(
            RunRequest.node(nodeId),
            RunRequest.withUpstream(nodeId),
            RunRequest.withDownstream(nodeId),
            RunRequest.test(nodeId))) {
      MenuItem item = new MenuItem(r.label());
      item.setId("run-menu-" + r.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
      item.setDisable(runBusy);
      item.setOnAction(e -> start.accept(r));
      items.add(item);
    }
    items.add(new SeparatorMenuItem());
    return items;
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.load.LoadBatches;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.spi.LoadException;
import java.io.PrintWriter;
import java.util.List;

/** {@code sluice load --list} and {@code sluice load --drop-load ID}: the loads as batches. */
final class LoadBatchCommands {
  private final picocli.CommandLine.Model.CommandSpec spec;
  private final ProjectOptions project;

  LoadBatchCommands(picocli.CommandLine.Model.CommandSpec spec, ProjectOptions project) {
    this.spec = spec;
    this.project = project;
  }

  int run(boolean list, String dropLoad) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Pipeline pipeline = Pipeline.open(project.project, project.pipelineOptions())) {
      if (dropLoad != null) {
        for (String line :
            LoadBatches.drop(pipeline.warehouse(), pipeline.manifest().project(), dropLoad)) {
          out.println(line);
        }
      }
      if (list) {
        print(out, LoadBatches.recent(pipeline.warehouse(), 30));
      }
      out.flush();
      return 0;
    } catch (LoadException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static void print(PrintWriter out, List<LoadBatches.Load> loads) {
    if (loads.isEmpty()) {
      out.println("No loads yet.");
      return;
    }
    out.printf(
        "%-36s  %-19s  %-28s  %-9s  %8s  %s%n",
        "load", "started", "table", "status", "rows", "cursor");
    for (LoadBatches.Load l : loads) {
      String started = l.startedAt() == null ? "" : l.startedAt();
      out.printf(
          "%-36s  %-19s  %-28s  %-9s  %8d  %s%n",
          l.loadId(),
          started.length() > 19 ? started.substring(0, 19) : started,
          l.source() + "." + l.table(),
          l.status(),
          l.rows(),
          l.cursorAfter() == null || l.cursorAfter().equals(l.cursorBefore())
              ? ""
              : (l.cursorBefore() == null ? "" : l.cursorBefore() + " -> ") + l.cursorAfter());
    }
  }
}

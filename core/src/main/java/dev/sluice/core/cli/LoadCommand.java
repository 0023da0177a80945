package dev.sluice.core.cli;

import dev.sluice.core.plan.Command;
import picocli.CommandLine.Option;

/** {@code sluice load}: extract and load the selected sources (all by default). */
@picocli.CommandLine.Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Extract and load sources: sluice load --select source:shop_db")
final class LoadCommand extends RunCommand {
  @Option(names = "--list", description = "Show recent loads with their row counts, then stop.")
  boolean list;

  @Option(
      names = "--drop-load",
      paramLabel = "LOAD_ID",
      description =
          "Remove one load's rows (or a run's) from the raw tables, rewind its cursors and forget"
              + " its files, in one transaction.")
  String dropLoad;

  @Override
  Command command() {
    return Command.LOAD;
  }

  @Override
  public Integer call() {
    if (list || dropLoad != null) {
      return new LoadBatchCommands(spec, project).run(list, dropLoad);
    }
    return super.call();
  }
}

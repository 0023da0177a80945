package dev.sluice.core.cli;

import dev.sluice.core.plan.Command;

/** {@code sluice load}: extract and load the selected sources (all by default). */
@picocli.CommandLine.Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Extract and load sources: sluice load --select source:shop_db")
final class LoadCommand extends RunCommand {
  @Override
  Command command() {
    return Command.LOAD;
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The commands that run nodes: build, run, seed, test, snapshot. One body, five selections. */
abstract class RunCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin SelectionOptions selection;
  @Mixin StateOptions state;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Nodes run at once (default: the target's threads or the core count).")
  Integer threads;

  /** More than this many threads only queue on the warehouse; fewer than one runs nothing. */
  static final int MAX_THREADS = 256;

  @Option(
      names = "--full-refresh",
      description = "Rebuild incremental models and reload sources from scratch.")
  boolean fullRefresh;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "When another build holds the warehouse, wait for it up to this long (default: 600).")
  long waitSeconds;

  @Option(
      names = "--no-wait",
      description = "Fail at once when another process holds the warehouse.")
  boolean noWait;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  abstract Command command();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
    }
    PipelineOptions options = project.pipelineOptions();
    dev.sluice.core.warehouse.LockWait lockWait =
        noWait
            ? dev.sluice.core.warehouse.LockWait.NO_WAIT
            : dev.sluice.core.warehouse.LockWait.upTo(
                java.time.Duration.ofSeconds(waitSeconds),
                line -> spec.commandLine().getErr().println(line));
    try (Pipeline pipeline = Pipeline.open(project.project, options, lockWait)) {
      pipeline.warnings().forEach(w -> spec.commandLine().getErr().println(w));
      String select = state.select(selection.select(), pipeline);
      if (select == null && selection.select() != null) {
        out.println(
            "Nothing is new or modified against "
                + (state.state == null ? "the last successful build" : state.state)
                + "; nothing to run.");
        return Main.OK;
      }
      state.deferIfAsked(pipeline, command(), select, selection.exclude());
      CountDownLatch finished = new CountDownLatch(1);
      Thread onCtrlC =
          new Thread(
              () -> {
                out.println("Cancelling: stopping running queries...");
                pipeline.cancel();
                try {
                  finished.await(20, TimeUnit.SECONDS); // let rollbacks finish before the JVM goes
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "sluice-cancel");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      RunSummary summary;
      try {
        summary =
            pipeline.run(
                command(),
                select,
                selection.exclude(),
                threads == null ? 0 : threads,
                fullRefresh,
                new ConsoleReporter(
                    out, System.console() != null && System.getenv("NO_COLOR") == null));
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException e) {
          // already shutting down: the hook is running
        }
      }
      pipeline.runWarnings().forEach(w -> spec.commandLine().getErr().println(w));
      if (command() == Command.BUILD) {
        SourceCommand.reportAfterBuild(pipeline, select, selection.exclude(), out);
      }
      return summary.exitCode();
    }
  }

  @picocli.CommandLine.Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = "Load sources, seed, build models and snapshots, and test them, in DAG order.")
  static final class Build extends RunCommand {
    @Override
    Command command() {
      return Command.BUILD;
    }
  }

  @picocli.CommandLine.Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Build the selected models.")
  static final class Run extends RunCommand {
    @Override
    Command command() {
      return Command.RUN;
    }
  }

  @picocli.CommandLine.Command(
      name = "seed",
      mixinStandardHelpOptions = true,
      description = "Load the seed CSV files into tables.")
  static final class Seed extends RunCommand {
    @Override
    Command command() {
      return Command.SEED;
    }
  }

  @picocli.CommandLine.Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = "Run the data tests of the selected nodes.")
  static final class Test extends RunCommand {
    @Override
    Command command() {
      return Command.TEST;
    }
  }

  @picocli.CommandLine.Command(
      name = "snapshot",
      mixinStandardHelpOptions = true,
      description = "Record changes in the snapshots (SCD Type 2).")
  static final class Snapshot extends RunCommand {
    @Override
    Command command() {
      return Command.SNAPSHOT;
    }
  }
}

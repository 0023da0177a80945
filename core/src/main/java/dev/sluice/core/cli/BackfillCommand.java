package dev.sluice.core.cli;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.AutomationReader;
import dev.sluice.core.orchestrate.Backfill;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.run.RunSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a schedule once per day of a date range, with run_date set to the day. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description =
        "Run a schedule's selection once per day from --from to --to (both included), with the"
            + " var run_date set to the day.")
final class BackfillCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Parameters(index = "0", paramLabel = "SCHEDULE", description = "The schedule's name.")
  String schedule;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day.")
  String to;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineOptions options = project.pipelineOptions().from("cli");
    Automation a;
    try (Pipeline p = Pipeline.open(project.project, options)) {
      a = AutomationReader.read(p.manifest());
    }
    var found = a.find(schedule);
    if (found.isEmpty() || !(found.get() instanceof Schedule s)) {
      err.println(
          "error: no schedule named '"
              + schedule
              + "'; schedules are "
              + a.schedules().stream().map(Schedule::name).toList());
      return Main.USAGE;
    }
    LocalDate f;
    LocalDate t;
    try {
      f = LocalDate.parse(from);
      t = LocalDate.parse(to);
      Backfill.days(f, t);
    } catch (DateTimeParseException e) {
      err.println("error: --from and --to take dates such as 2026-11-01");
      return Main.USAGE;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return Main.USAGE;
    }
    List<RunSummary> runs =
        Backfill.run(
            project.project, options, s, f, t, new ConsoleReporter(out, false), () -> false);
    long failed = runs.stream().filter(RunSummary::failed).count();
    out.println("Backfilled " + s.name() + ": " + runs.size() + " day(s), " + failed + " failed.");
    return failed > 0 ? Main.FAILED : Main.OK;
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.AutomationReader;
import dev.sluice.core.orchestrate.CronTicks;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.orchestrate.ServeLock;
import dev.sluice.core.orchestrate.ServeLoop;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectProblem;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the project's schedules, sensors and freshness rules until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the project's schedules, sensors and freshness rules until stopped (Ctrl-C or SIGTERM"
          + " cancels a run in progress cleanly; it is resumed at the next start).",
      "Ticks, sensor state and run keys live in the warehouse's _sluice schema, so a restart"
          + " neither loses nor repeats work. One serve per project at a time."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Option(
      names = "--once",
      description = "Evaluate everything one time, run what is due, and exit (for cron and tests).")
  boolean once;

  @Option(
      names = "--now",
      paramLabel = "TIME",
      description =
          "With --once: the time to evaluate at, as 2026-12-01T02:00:00Z or with an offset"
              + " (default: the real time).")
  String now;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineOptions options = project.pipelineOptions();
    Clock clock = Clock.systemUTC();
    if (now != null) {
      if (!once) {
        err.println("error: --now needs --once (a serve that runs on keeps the real time)");
        return Main.USAGE;
      }
      try {
        clock = Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        err.println("error: --now '" + now + "' is not a time such as 2026-12-01T02:00:00Z");
        return Main.USAGE;
      }
    }
    Automation automation;
    java.nio.file.Path targetDir;
    List<String> streams;
    try (Pipeline p = Pipeline.open(project.project, options)) {
      automation = AutomationReader.read(p.manifest());
      targetDir = p.targetDir();
      streams = ServeLoop.streamTables(p, options);
    }
    List<ProjectProblem> errors =
        automation.problems().stream().filter(ProjectProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new ProjectException(errors);
    }
    if (automation.isEmpty() && streams.isEmpty()) {
      err.println(
          "error: nothing to serve: the project has no schedules, sensors, freshness rules or"
              + " stream tables"
              + " (see docs/orchestration.md)");
      return Main.USAGE;
    }
    ServeLock lock;
    try {
      lock = ServeLock.acquire(targetDir);
    } catch (ServeLock.HeldException e) {
      err.println("error: " + e.getMessage());
      return Main.USAGE;
    }
    Clock c = clock;
    try (lock) {
      ServeLoop loop =
          new ServeLoop(
              project.project,
              options,
              clock,
              line -> {
                out.println(
                    OffsetDateTime.ofInstant(c.instant(), ZoneOffset.UTC).toLocalTime().withNano(0)
                        + "  "
                        + line);
                out.flush();
              },
              new ConsoleReporter(out, false));
      describe(automation, clock.instant(), out);
      if (!streams.isEmpty()) {
        out.println(
            "  consuming "
                + String.join(", ", streams)
                + " in micro-batches, each acknowledged once it is committed");
        out.flush();
      }
      CountDownLatch finished = new CountDownLatch(1);
      Thread onStop =
          new Thread(
              () -> {
                out.println("Stopping: cancelling the run in progress, if any...");
                out.flush();
                loop.stop();
                try {
                  finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "sluice-serve-stop");
      Runtime.getRuntime().addShutdownHook(onStop);
      try {
        if (once) {
          ServeLoop.Tick t = loop.once();
          boolean failed = t.runs().stream().anyMatch(o -> !o.succeeded());
          out.println(
              t.runs().isEmpty()
                  ? "Nothing was due at " + t.at() + "."
                  : t.runs().size()
                      + " run"
                      + (t.runs().size() == 1 ? "" : "s")
                      + " at "
                      + t.at()
                      + (failed ? "; some failed." : "."));
          return failed ? Main.FAILED : Main.OK;
        }
        loop.loop();
        return Main.OK;
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onStop);
        } catch (IllegalStateException e) {
          // already shutting down: the hook is running
        }
      }
    }
  }

  private static void describe(Automation a, Instant now, PrintWriter out) {
    out.println(
        "Serving "
            + a.schedules().size()
            + " schedule(s), "
            + a.sensors().size()
            + " sensor(s), "
            + a.freshness().size()
            + " freshness rule(s), "
            + a.alerts().size()
            + " alert(s).");
    for (Schedule s : a.schedules()) {
      out.println(
          "  schedule "
              + s.name()
              + " '"
              + s.cron()
              + "' "
              + s.zone()
              + ": next tick "
              + CronTicks.of(s).next(now).map(Instant::toString).orElse("never"));
    }
    out.flush();
  }
}

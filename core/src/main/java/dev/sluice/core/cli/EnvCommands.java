package dev.sluice.core.cli;

import dev.sluice.core.env.Change;
import dev.sluice.core.env.EnvException;
import dev.sluice.core.env.EnvPlan;
import dev.sluice.core.env.Environments;
import dev.sluice.core.lineage.KnownColumns;
import dev.sluice.core.lineage.LineageCache;
import dev.sluice.core.lineage.ProjectLineage;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plan}, {@code promote} and {@code rollback}: virtual environments. */
final class EnvCommands {
  private EnvCommands() {}

  /** Opens the project's environments and runs one action on them. */
  abstract static class EnvCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    abstract int run(Environments envs, PrintWriter out);

    @Override
    public Integer call() {
      PipelineOptions options = project.pipelineOptions();
      try (Pipeline pipeline = Pipeline.open(project.project, options)) {
        Manifest m = pipeline.manifest();
        TemplateEngine engine =
            new TemplateEngine(
                m.project(), pipeline.target(), options.env(), options.vars(), "env");
        ProjectLineage lineage =
            ProjectLineage.compute(
                m,
                pipeline.target(),
                engine,
                KnownColumns.read(pipeline.warehouse()),
                new LineageCache());
        return run(
            new Environments(m, pipeline.target(), engine, pipeline.warehouse(), lineage),
            spec.commandLine().getOut());
      } catch (EnvException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return Main.FAILED;
      }
    }
  }

  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description =
          "Show what changed since prod (added, removed, directly and indirectly modified models,"
              + " breaking or not), build only the new versions, and point the environment at"
              + " them; untouched models stay views onto the tables prod already has.")
  static final class Plan extends EnvCommand {
    @Option(names = "--env", paramLabel = "NAME", description = "The environment (default: dev).")
    String env = "dev";

    @Option(names = "--dry-run", description = "Show the plan; build and change nothing.")
    boolean dryRun;

    @Override
    int run(Environments envs, PrintWriter out) {
      EnvPlan plan = dryRun ? envs.plan(env) : envs.apply(env);
      out.println("Plan for " + env + " against " + plan.against() + ":");
      if (plan.changes().isEmpty()) {
        out.println("  no changes");
      }
      for (Change c : plan.changes()) {
        String detail = "";
        if (!c.dropped().isEmpty()) {
          detail += "  drops " + String.join(", ", c.dropped());
        }
        if (!c.added().isEmpty()) {
          detail += "  adds " + String.join(", ", c.added());
        }
        out.println(String.format("  %-32s %s%s", c.node(), c.label(), detail));
      }
      out.println(
          (dryRun ? "Would build " : "Built ")
              + plan.toBuild().size()
              + " new version"
              + (plan.toBuild().size() == 1 ? "" : "s")
              + "; "
              + plan.reused()
              + " unchanged model"
              + (plan.reused() == 1 ? "" : "s")
              + " point at existing tables.");
      if (!dryRun) {
        out.println(
            env.equals(Environments.PROD)
                ? "prod now points at this plan."
                : env + " is ready; sluice promote " + env + " makes prod point at it.");
      }
      return Main.OK;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description =
          "Make prod point at an environment's tables: a catalog change, nothing is recomputed.")
  static final class Promote extends EnvCommand {
    @Parameters(paramLabel = "ENV", description = "The environment to promote, e.g. dev.")
    String env;

    @Override
    int run(Environments envs, PrintWriter out) {
      int n = envs.promote(env);
      out.println(
          "prod now points at "
              + env
              + "'s tables ("
              + n
              + " models); sluice rollback prod undoes it.");
      return Main.OK;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Point an environment back at what it had before its last plan or promotion.")
  static final class Rollback extends EnvCommand {
    @Parameters(paramLabel = "ENV", description = "The environment, e.g. prod.")
    String env;

    @Override
    int run(Environments envs, PrintWriter out) {
      envs.rollback(env);
      out.println(env + " points at what it had before its last change.");
      return Main.OK;
    }
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.spi.Secrets;
import dev.sluice.core.warehouse.WarehouseException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sluice} command. Exit codes: 0 when all went well, 1 when a node or test failed, 2 for
 * a usage or project error.
 */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Build, test and query a Sluice (or dbt) project on embedded DuckDB.",
    subcommands = {
      RunCommand.Build.class,
      LoadCommand.class,
      RunCommand.Run.class,
      RunCommand.Seed.class,
      RunCommand.Test.class,
      RunCommand.Snapshot.class,
      CompileCommand.class,
      LsCommand.class,
      DepsCommand.class,
      QueryCommand.class,
      InitCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      BackfillCommand.class,
      SourceCommand.class,
      QualityCommand.class,
      ProfileCommand.class,
      ExplainCommand.class,
      LineageCommand.class,
      ParseCommand.class,
      DocsCommand.class,
      EnvCommands.Plan.class,
      EnvCommands.Promote.class,
      EnvCommands.Rollback.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      // names this command to a second one that finds the warehouse busy
      System.setProperty("sluice.command", "sluice " + args[0]);
    }
    CommandLine cli = rootFor(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> USAGE);
    // to this command's error stream, whichever CommandLine the exception was made with
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("error: " + e.getMessage());
          err.println("(sluice " + (a.length > 0 ? a[0] + " " : "") + "--help shows the options)");
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ProjectException pe) {
            pe.problems().forEach(p -> err.println(Secrets.mask(p.toString())));
            err.println(
                pe.problems().size() == 1
                    ? "1 problem; nothing was run."
                    : pe.problems().size() + " problems; nothing was run.");
            return USAGE;
          }
          if (e instanceof WarehouseException || e instanceof SelectorException) {
            err.println("error: " + Secrets.mask(e.getMessage()));
            return USAGE;
          }
          // never a stack trace to the user: one line saying what broke
          err.println(
              "error: "
                  + Secrets.mask(e.getMessage() == null ? e.toString() : e.getMessage())
                  + " ("
                  + e.getClass().getSimpleName()
                  + "; run with --help for usage)");
          return USAGE;
        });
    return cli.execute(args);
  }

  /**
   * The command tree for these arguments. Picocli reads every option of every command it is given
   * when it starts (the whole tree cost a start about half a second of CPU), so a run that names a
   * command gets a root holding that command alone; help, a bare {@code sluice} and an unknown name
   * get the whole tree, which lists and suggests every command.
   */
  static CommandLine rootFor(String[] args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
        Command cmd = c.getAnnotation(Command.class);
        if (cmd != null
            && c != CommandLine.HelpCommand.class
            && (cmd.name().equals(args[0])
                || java.util.Arrays.asList(cmd.aliases()).contains(args[0]))) {
          CommandLine one = new CommandLine(new One());
          one.addSubcommand(cmd.name(), c);
          return one;
        }
      }
    }
    return new CommandLine(new Main());
  }

  /** {@link Main} without its subcommands, for a run that names the one it needs. */
  @Command(
      name = "sluice",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Build, test and query a Sluice (or dbt) project on embedded DuckDB.")
  static final class One implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sluice " + (v == null ? "development build" : v)};
    }
  }
}

package dev.sluice.core.cli;

import dev.sluice.core.deps.Deps;
import dev.sluice.core.deps.DepsException;
import dev.sluice.core.deps.LockFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice deps}: installs packages.yml's packages into dbt_packages/, as dbt deps does. */
@Command(
    name = "deps",
    mixinStandardHelpOptions = true,
    description = {
      "Install the packages packages.yml (or dependencies.yml) names into dbt_packages/ and pin"
          + " them in package-lock.yml. With a lock file that still matches, installs exactly"
          + " what it pins."
    })
final class DepsCommand implements Callable<Integer> {
  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "The project folder (default: the current folder).")
  Path project = Path.of(".");

  @Option(
      names = {"-U", "--upgrade"},
      description =
          "Resolve the packages again (newest versions in range, branch heads) and rewrite the lock.")
  boolean upgrade;

  @Option(names = "--lock", description = "Write package-lock.yml only; install nothing.")
  boolean lockOnly;

  @Option(
      names = "--hub-url",
      paramLabel = "URL",
      description =
          "The dbt Hub to resolve package names at (default: $DBT_PACKAGE_HUB_URL, else https://hub.getdbt.com/).")
  String hubUrl;

  @Option(
      names = "--add-package",
      paramLabel = "NAME@VERSION",
      description =
          "Add a package to packages.yml (or the dependencies.yml that declares the packages), or"
              + " change its version, then install: dbt-labs/dbt_utils@1.3.0,"
              + " dbt-labs/dbt_utils@\">=1.0.0,<2.0.0\", a git URL@revision or a folder with"
              + " --source.")
  String addPackage;

  @Option(
      names = "--source",
      paramLabel = "hub|git|local",
      description = "Where --add-package's package comes from (default: hub).")
  String source = "hub";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    dev.sluice.core.deps.AddPackage.Added a = null;
    try {
      if (addPackage != null) {
        a =
            dev.sluice.core.deps.AddPackage.add(
                project,
                dev.sluice.core.deps.AddPackage.parse(
                    addPackage, dev.sluice.core.deps.AddPackage.Source.of(source)));
        out.println(
            (a.replaced() ? "Changed " : "Added ")
                + a.spec().label()
                + " in "
                + a.file().getFileName()
                + ".");
      } else if (!"hub".equalsIgnoreCase(source)) {
        err.println("error: --source goes with --add-package");
        return Main.USAGE;
      }
      Deps.Result r =
          Deps.install(project, new Deps.Options(upgrade, lockOnly, hubUrl), out::println);
      r.notes().forEach(out::println);
      if (r.packages().isEmpty()) {
        return Main.OK;
      }
      if (lockOnly) {
        out.println("Locked " + count(r) + " in " + LockFile.NAME + ".");
      } else {
        out.println("Installed " + count(r) + " into " + r.installDir().getFileName() + "/:");
        for (LockFile.Pinned p : r.packages()) {
          out.println("  " + p.name() + "  " + Deps.describe(p));
        }
      }
      return Main.OK;
    } catch (DepsException e) {
      err.println("error: " + e.getMessage());
      if (a != null) {
        a.undo();
        err.println(a.file().getFileName() + " was put back as it was.");
      }
      err.println("dbt_packages/ was left as it was.");
      return Main.FAILED;
    }
  }

  private static String count(Deps.Result r) {
    return r.packages().size() == 1 ? "1 package" : r.packages().size() + " packages";
  }
}

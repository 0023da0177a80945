package dev.sluice.bench;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Parse + render + plan time for 1,000 and 10,000 models, and the time to build 1,000 view models.
 * Each figure is the best of a few runs after a warm-up, as a user's second run would see it.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path packages = null;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--packages")) {
        packages = Path.of(args[i + 1]);
      }
    }
    for (int size : new int[] {1_000, 10_000}) {
      Path dir = Files.createTempDirectory("sluice-bench-" + size);
      try {
        SyntheticProject.write(dir, size, 10);
        if (packages != null) {
          PackagedModels.install(packages, dir);
        }
        plan(dir); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
          best = Math.min(best, plan(dir));
        }
        report(
            "parse+render+plan "
                + size
                + " models"
                + (packages == null ? "" : " with " + packages.getFileName()),
            best,
            size);
      } finally {
        delete(dir);
      }
    }
    Path dir = Files.createTempDirectory("sluice-bench-build");
    try {
      SyntheticProject.write(dir, 1_000, 5);
      int threads = Runtime.getRuntime().availableProcessors();
      try (Pipeline p = Pipeline.open(dir, PipelineOptions.defaults())) {
        p.run(Command.SEED, null, null, threads, false, RunListener.NONE);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
          long t0 = System.nanoTime();
          RunSummary s = p.run(Command.RUN, null, null, threads, false, RunListener.NONE);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          if (s.failed()) {
            throw new IllegalStateException(
                "the benchmark build failed: "
                    + s.results().stream()
                        .filter(r -> r.status().failsRun())
                        .findFirst()
                        .map(r -> r.message())
                        .orElse("?"));
          }
          best = Math.min(best, ms);
        }
        report("build 1000 view models (" + threads + " threads)", best, 1_000);
      }
    } finally {
      delete(dir);
    }
  }

  private static long plan(Path dir) {
    long t0 = System.nanoTime();
    Project project = new ProjectLoader().load(dir);
    Manifest m = Manifest.of(project);
    Plan plan = Plan.of(m, Command.BUILD, null, null);
    if (m.hasErrors() || plan.size() == 0) {
      throw new IllegalStateException("the synthetic project did not parse: " + m.problems());
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static void report(String what, long ms, int items) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-48s %8d ms  (%.0f per second)",
            what,
            ms,
            items * 1000.0 / Math.max(ms, 1)));
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

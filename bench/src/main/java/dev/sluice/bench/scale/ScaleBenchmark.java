package dev.sluice.bench.scale;

import dev.sluice.bench.SyntheticProject;
import dev.sluice.bench.start.Nothing;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.parse.ParseCache;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.Target;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/bench scale [parse|compile|stale|run|query] [RUNS]}: Sluice at scale, each measure on
 * one line beside its raw baseline and the ratio, all taken in the same run (in turns, so a busy
 * machine slows both alike).
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path repo = Path.of("").toAbsolutePath();
    System.out.println("load average at start: " + Processes.load());
    if (which.equals("all") || which.equals("parse")) {
      parse(10_000, runs);
      parse(20_000, runs);
    }
    if (which.equals("all") || which.equals("compile")) {
      compile(repo, runs);
    }
    if (which.equals("all") || which.equals("stale")) {
      stale(repo, runs, args.length > 2 ? Integer.parseInt(args[2]) : 2_000);
    }
    if (which.equals("all") || which.equals("run")) {
      run(repo, runs);
    }
    if (which.equals("all") || which.equals("query")) {
      query(repo, runs);
    }
    System.out.println("load average at end: " + Processes.load());
  }

  /** In process: a full parse and plan, its memory, and a re-parse after one edit. */
  private static void parse(int size, int runs) throws IOException {
    Path dir = Files.createTempDirectory("sluice-scale-" + size);
    try {
      SyntheticProject.write(dir, size, 10);
      parseOnce(dir, ParseCache.NONE); // warm-up
      long full = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        full = Math.min(full, parseOnce(dir, null));
        Files.deleteIfExists(dir.resolve("target/partial_parse.json"));
      }
      long fresh = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        fresh = Math.min(fresh, parseOnce(dir, ParseCache.NONE));
      }
      Processes.line(
          "parse+plan " + size + " models, cache empty (writes it)",
          full,
          "the same with no cache at all",
          fresh);
      parseOnce(dir, null); // fills the cache
      long partial = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        Path model = dir.resolve("models/layer9/m" + (size - 1 - i) + ".sql");
        Files.writeString(model, Files.readString(model) + "-- edited " + i + "\n");
        partial = Math.min(partial, parseOnce(dir, null));
      }
      Processes.line(
          "re-parse+plan " + size + " after editing one model",
          partial,
          "full parse+plan, no cache",
          fresh);
      // the app's path: the folder read again in the same process, files and renderings kept
      live(dir);
      long live = Long.MAX_VALUE;
      int edits = Math.max(runs, 5);
      long[] cpu = new long[edits];
      for (int i = 0; i < edits; i++) {
        Path model = dir.resolve("models/layer9/m" + (size - 1 - i) + ".sql");
        Files.writeString(model, Files.readString(model) + "-- live " + i + "\n");
        long c0 = THREADS.getCurrentThreadCpuTime();
        live = Math.min(live, live(dir));
        cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1_000_000;
      }
      Processes.line(
          "re-parse+plan " + size + ", one edit, in memory (app)",
          live,
          "full parse+plan, no cache",
          fresh);
      System.out.printf(
          "%-52s %8.0f ms (median of %d; the wall time above also waits for the CPU and disk)%n",
          "  the same, CPU time of the reading thread", Processes.median(cpu), edits);
      System.out.printf(
          "%-52s %8d MB (heap used by the manifest and plan, after GC)%n",
          "memory, " + size + " models", retained(dir));
    } finally {
      delete(dir);
    }
  }

  private static long parseOnce(Path dir, ParseCache cache) {
    long t0 = System.nanoTime();
    Project project = new ProjectLoader().load(dir);
    Target target = project.settings().target(null);
    TemplateEngine engine = new TemplateEngine(project, target, System.getenv(), Map.of(), "parse");
    Manifest m =
        cache == null
            ? Manifest.of(project, engine, target)
            : Manifest.of(project, engine, target, cache);
    Plan plan = Plan.of(m, Command.BUILD, null, null);
    if (m.hasErrors() || plan.size() == 0) {
      throw new IllegalStateException("the synthetic project did not parse: " + m.problems());
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** A read of the folder as the app does it after a save (Workspace), and a plan. */
  private static long live(Path dir) {
    long t0 = System.nanoTime();
    Manifest m = dev.sluice.core.pipeline.Workspace.read(dir);
    Plan plan = Plan.of(m, Command.BUILD, null, null);
    if (m.hasErrors() || plan.size() == 0) {
      throw new IllegalStateException("the synthetic project did not parse: " + m.problems());
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long retained(Path dir) {
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Project project = new ProjectLoader().load(dir);
    Target target = project.settings().target(null);
    Manifest m =
        Manifest.of(
            project,
            new TemplateEngine(project, target, System.getenv(), Map.of(), "parse"),
            target,
            ParseCache.NONE);
    Plan plan = Plan.of(m, Command.BUILD, null, null);
    System.gc();
    long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    if (plan.size() == 0) {
      throw new IllegalStateException();
    }
    java.lang.ref.Reference.reachabilityFence(m); // both stay alive until measured
    java.lang.ref.Reference.reachabilityFence(plan);
    return (after - before) >> 20;
  }

  /**
   * In process, the app's path after a save: the folder read again and the stale nodes worked out
   * (the graph's badges) against a built warehouse, beside the same check opening the warehouse and
   * reading its history every time, as it did before {@code WarehouseGlance}. {@code bin/bench
   * scale stale RUNS SIZE}: 2,000 models unless SIZE says (building 10,000 views takes minutes).
   */
  private static void stale(Path repo, int runs, int size) throws Exception {
    Path dir = Files.createTempDirectory("sluice-scale-stale");
    try {
      SyntheticProject.write(dir, size, 10);
      Processes.time(dir, List.of(repo + "/bin/sluice", "build", "--project", dir.toString()));
      Thread.sleep(2_500); // a file written in the last two seconds is read at every check
      Manifest m = dev.sluice.core.pipeline.Workspace.read(dir);
      dev.sluice.core.pipeline.Workspace.stale(m); // warm-up, and the warehouse read once
      everyTime(m);
      int edits = Math.max(runs, 5);
      long[] reread = new long[edits];
      long[] glance = new long[edits];
      long[] opening = new long[edits];
      for (int i = 0; i < edits; i++) {
        Path model = dir.resolve("models/layer9/m" + (size - 1 - i) + ".sql");
        Files.writeString(model, Files.readString(model) + "-- saved " + i + "\n");
        long t0 = System.nanoTime();
        Manifest now = dev.sluice.core.pipeline.Workspace.read(dir);
        reread[i] = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        java.util.Set<String> found = dev.sluice.core.pipeline.Workspace.stale(now).orElseThrow();
        glance[i] = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        java.util.Set<String> again = everyTime(now);
        opening[i] = (System.nanoTime() - t0) / 1_000_000;
        if (!found.equals(again) || found.isEmpty()) {
          throw new IllegalStateException("the two checks disagree: " + found + " / " + again);
        }
      }
      Processes.line(
          "stale nodes, " + size + " built, after one edit (app)",
          Processes.median(glance),
          "the check opening the warehouse",
          Processes.median(opening));
      long[] both = new long[edits];
      for (int i = 0; i < edits; i++) {
        both[i] = reread[i] + glance[i];
      }
      System.out.printf(
          "%-52s %8.0f ms (median of %d; the target is 150 ms)%n",
          "  re-parse + stale nodes, one edit", Processes.median(both), edits);
    } finally {
      delete(dir);
    }
  }

  /** The stale check as it was: the warehouse opened, its history read, every node compiled. */
  private static java.util.Set<String> everyTime(Manifest m) {
    Target target = m.project().settings().target(null);
    try (var w = dev.sluice.core.warehouse.DuckDbWarehouse.open(target.path())) {
      TemplateEngine engine =
          new TemplateEngine(m.project(), target, System.getenv(), Map.of(), "stale");
      var compiler =
          new dev.sluice.core.compile.Compiler(
              m,
              engine,
              target,
              r ->
                  !r.cte()
                      && w.relationKind(r.schema(), r.identifier())
                          .map(k -> k == dev.sluice.core.warehouse.Warehouse.RelationKind.TABLE)
                          .orElse(false),
              false);
      var full = new dev.sluice.core.compile.Compiler(m, engine, target, r -> false, true);
      return dev.sluice.core.run.Staleness.stale(
          m, compiler, full, new dev.sluice.core.run.RunHistory(w).lastSuccessfulHashes());
    }
  }

  /** Whole process: {@code bin/sluice compile} of 10,000 models, fresh and after one edit. */
  private static void compile(Path repo, int runs) throws Exception {
    Path dir = Files.createTempDirectory("sluice-scale-compile");
    try {
      SyntheticProject.write(dir, 10_000, 10);
      List<String> compile = List.of(repo + "/bin/sluice", "compile", "--project", dir.toString());
      List<String> nothing = Processes.java(repo, Nothing.class);
      Processes.time(dir, compile); // class-data archive, page cache
      Thread.sleep(5_000); // the archive is made in the background after the first run
      long[] cold = new long[runs];
      long[] edited = new long[runs];
      long[] base = new long[runs];
      long[] floor = new long[runs];
      for (int i = 0; i < runs; i++) {
        delete(dir.resolve("target"));
        cold[i] = Processes.time(dir, compile);
        Path model = dir.resolve("models/layer9/m" + (9_999 - i) + ".sql");
        Files.writeString(model, Files.readString(model) + "-- edited " + i + "\n");
        edited[i] = Processes.time(dir, compile);
        base[i] = Processes.time(dir, nothing);
        // the floor under a first compile, in the same minute and on the same terms: making
        // 10,000 small files in 10 folders from two threads right after deleting the 10,000 of
        // the last compile (ext4 then skips the inodes just freed, reading each one's block)
        delete(dir.resolve("target"));
        floor[i] = writeFiles(dir.resolve("target/raw"), 2);
      }
      Processes.line(
          "sluice compile, 10,000 models, no target/",
          Processes.median(cold),
          "write 10,000 files in 10 folders, 2 threads",
          Processes.median(floor));
      Processes.line(
          "sluice compile, 10,000 models, one edited",
          Processes.median(edited),
          "empty JVM on the same class path",
          Processes.median(base));
    } finally {
      delete(dir);
    }
  }

  /** Milliseconds to write 10,000 one-line files into 10 new folders from {@code threads}. */
  private static long writeFiles(Path root, int threads) throws Exception {
    for (int f = 0; f < 10; f++) {
      Files.createDirectories(root.resolve("d" + f));
    }
    long t0 = System.nanoTime();
    List<Thread> all = new ArrayList<>();
    List<Exception> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  for (int i = first; i < 10_000; i += threads) {
                    Files.writeString(
                        root.resolve("d" + (i % 10)).resolve("m" + i + ".sql"),
                        "select " + i + " as id\n");
                  }
                } catch (IOException e) {
                  failed.add(e);
                }
              });
      th.start();
      all.add(th);
    }
    for (Thread th : all) {
      th.join();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (!failed.isEmpty()) {
      throw failed.get(0);
    }
    delete(root);
    return ms;
  }

  /**
   * Whole process: {@code bin/sluice run} of 1,000 views against the same SQL on one connection.
   */
  private static void run(Path repo, int runs) throws Exception {
    Path dir = Files.createTempDirectory("sluice-scale-run");
    try {
      SyntheticProject.write(dir, 1_000, 5);
      String sluice = repo + "/bin/sluice";
      Processes.time(dir, List.of(sluice, "seed", "--project", dir.toString()));
      List<String> run = List.of(sluice, "run", "--project", dir.toString());
      Processes.time(dir, run); // builds once, writes target/compiled
      Path db = dir.resolve("target/synthetic.duckdb");
      Path statements = dir.resolve("statements.sql");
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < 1_000; i++) {
        int layer = Math.min(i / 200, 4);
        String select =
            Files.readString(
                dir.resolve("target/compiled/synthetic/models/layer" + layer + "/m" + i + ".sql"));
        all.append("create or replace view \"main\".\"m")
            .append(i)
            .append("\" as ")
            .append(select.strip())
            .append("\n;;\n");
      }
      Files.writeString(statements, all);
      // both baselines load DuckDB's library as bin/sluice does (not unpacked per start)
      List<String> raw =
          Processes.javaWithDuckDbCache(
              repo, RawStatements.class, db.toString(), statements.toString());
      // the floor of a run on 2 threads: each layer of 200 views spread over two connections
      List<String> raw2 =
          Processes.javaWithDuckDbCache(
              repo, RawStatements.class, db.toString(), statements.toString(), "2", "200");
      long[] a = new long[runs];
      long[] b = new long[runs];
      long[] c = new long[runs];
      for (int i = 0; i < runs; i++) {
        a[i] = Processes.time(dir, run);
        b[i] = Processes.time(dir, raw);
        c[i] = Processes.time(dir, raw2);
      }
      Processes.line(
          "sluice run, 1,000 views",
          Processes.median(a),
          "the same 1,000 statements, one connection",
          Processes.median(b));
      Processes.line(
          "sluice run, 1,000 views (the same runs)",
          Processes.median(a),
          "the same on 2 connections, layer by layer",
          Processes.median(c));
    } finally {
      delete(dir);
    }
  }

  /** Whole process: {@code sluice query --limit 1000} of a 100M-row table against a raw read. */
  private static void query(Path repo, int runs) throws Exception {
    Path dir = Files.createTempDirectory("sluice-scale-query");
    try {
      Files.writeString(dir.resolve("sluice.yml"), "name: big\n");
      Path db = dir.resolve("target/big.duckdb");
      Files.createDirectories(db.getParent());
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
          Statement st = c.createStatement()) {
        st.execute(
            "create table big as select range as id, range % 997 as k, range * 0.5 as v"
                + " from range(100000000)");
      }
      String sql = "select * from big";
      List<String> sluice =
          List.of(
              repo + "/bin/sluice",
              "query",
              "--project",
              dir.toString(),
              "--format",
              "csv",
              "--limit",
              "1000",
              sql);
      List<String> raw = Processes.java(repo, RawQuery.class, db.toString(), sql, "1000");
      Processes.time(dir, sluice);
      long[] a = new long[runs];
      long[] b = new long[runs];
      for (int i = 0; i < runs; i++) {
        a[i] = Processes.time(dir, sluice);
        b[i] = Processes.time(dir, raw);
      }
      Processes.line(
          "sluice query --limit 1000, 100M rows",
          Processes.median(a),
          "JDBC streaming read of 1,000 rows",
          Processes.median(b));
    } finally {
      delete(dir);
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      all.forEach(p -> p.toFile().delete());
    }
  }
}

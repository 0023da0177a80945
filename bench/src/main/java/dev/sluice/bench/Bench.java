package dev.sluice.bench;

import java.util.Arrays;

/**
 * The harness's entry point: {@code bin/bench engine|load|start|app-start|scale|all|shop-api}.
 * Benchmarks print their own figures; {@code shop-api} serves the elt_shop sample's REST API until
 * stopped.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "engine" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (which) {
      case "engine" -> EngineBenchmark.main(rest);
      case "load" -> dev.sluice.bench.load.LoadBenchmark.main(rest);
      case "shop-api" -> dev.sluice.bench.load.ShopApiServer.main(rest);
      case "start" -> dev.sluice.bench.start.StartBenchmark.main(rest);
      case "scale" -> dev.sluice.bench.scale.ScaleBenchmark.main(rest);
      case "app-start" -> dev.sluice.bench.start.AppStartBenchmark.main(rest);
      case "all" -> all(rest.length > 0 ? rest[0] : "3");
      default -> {
        System.err.println(
            "unknown benchmark '"
                + which
                + "'; known: engine, load [postgres|mariadb|csv|cdc|mysql-cdc|nats], start [RUNS],"
                + " app-start [RUNS], scale [parse|compile|stale|run|query] [RUNS], all [RUNS], shop-api (the elt_shop"
                + " sample's API server); the canvas benchmark runs from the app module, see docs/benchmarks.md");
        System.exit(2);
      }
    }
  }

  /**
   * Every measure that has a target, one after the other in one run, each printed beside its
   * baseline and ratio with the load average: scale, the loads, the CLI start and, when there is a
   * display, the app's start. The canvas benchmark needs the app's test classes and runs on its own
   * (docs/benchmarks.md).
   */
  private static void all(String runs) throws Exception {
    section("scale (parse, compile, stale, run, query)");
    dev.sluice.bench.scale.ScaleBenchmark.main(new String[] {"all", runs});
    for (String source : new String[] {"postgres", "mariadb", "csv"}) {
      section("load " + source);
      dev.sluice.bench.load.LoadBenchmark.main(new String[] {source, runs});
    }
    section("CLI start");
    dev.sluice.bench.start.StartBenchmark.main(new String[] {"9"});
    if (System.getenv("DISPLAY") != null) {
      section("app start");
      dev.sluice.bench.start.AppStartBenchmark.main(new String[] {runs});
    } else {
      section("app start: skipped, no display (run it under Xvfb)");
    }
  }

  private static void section(String title) {
    System.out.println();
    System.out.println("== " + title);
  }
}

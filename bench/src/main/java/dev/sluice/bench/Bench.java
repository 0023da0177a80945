package dev.sluice.bench;

import java.util.Arrays;

/**
 * The harness's entry point: {@code bin/bench engine|load|start|app-start|shop-api}. Benchmarks
 * print their own figures; {@code shop-api} serves the elt_shop sample's REST API until stopped.
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
      default -> {
        System.err.println(
            "unknown benchmark '"
                + which
                + "'; known: engine, load [postgres|mariadb|csv|cdc|mysql-cdc|nats], start [RUNS],"
                + " app-start [RUNS], scale [parse|compile|run|query] [RUNS], shop-api (the elt_shop"
                + " sample's API server); the canvas benchmark runs from the app module, see docs/benchmarks.md");
        System.exit(2);
      }
    }
  }
}

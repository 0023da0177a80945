package dev.sluice.bench;

import java.util.Arrays;

/** The harness's entry point: {@code bin/bench [engine|...]}. Benchmarks print their own figures. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "engine" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (which) {
      case "engine" -> EngineBenchmark.main(rest);
      default -> {
        System.err.println("unknown benchmark '" + which + "'; known: engine");
        System.exit(2);
      }
    }
  }
}

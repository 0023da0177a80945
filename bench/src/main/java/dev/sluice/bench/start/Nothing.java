package dev.sluice.bench.start;

/** The baseline: a JVM that starts on the CLI's class path and exits at once. */
public final class Nothing {
  private Nothing() {}

  public static void main(String[] args) {
    System.out.println("ok");
  }
}

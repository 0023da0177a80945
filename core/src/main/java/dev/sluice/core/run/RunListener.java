package dev.sluice.core.run;

/** Receives a run's events. Called from worker threads: implementations must be thread-safe. */
@FunctionalInterface
public interface RunListener {
  void on(RunEvent event);

  RunListener NONE = e -> {};
}

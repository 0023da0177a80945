package dev.sluice.core.orchestrate;

import java.nio.file.Path;
import java.time.Duration;

/** Starts a run when something outside the schedule happens. */
public sealed interface Sensor extends Automated {
  /** How long to wait between two looks. */
  Duration minInterval();

  @Override
  default String trigger() {
    return "sensor " + name();
  }

  /**
   * New files matching a glob under the project folder: one run per file, keyed by its path and
   * modification time, so a file is processed once even across restarts.
   */
  record Files(String name, String path, String select, Duration minInterval, Path file, int line)
      implements Sensor {}

  /**
   * A query in the warehouse whose result changed since the last look (the first look only records
   * it).
   *
   * @param source the project source the query watches, or null
   */
  record Query(
      String name,
      String source,
      String sql,
      String select,
      Duration minInterval,
      Path file,
      int line)
      implements Sensor {}

  /** Another schedule's or sensor's run finishing well. */
  record AfterRun(
      String name, String after, String select, Duration minInterval, Path file, int line)
      implements Sensor {}
}

package dev.sluice.core.orchestrate;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Runs a selection at the ticks of a cron expression, read in a time zone.
 *
 * @param cron five fields: minute hour day-of-month month day-of-week
 * @param select a node selection, as {@code --select} takes it; null for everything
 * @param file where it is defined, relative to the project root; @param line its line there
 */
public record Schedule(
    String name, String cron, ZoneId zone, String select, CatchUp catchUp, Path file, int line)
    implements Automated {

  @Override
  public String trigger() {
    return "schedule " + name;
  }
}

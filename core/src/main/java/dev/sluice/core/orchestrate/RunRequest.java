package dev.sluice.core.orchestrate;

import java.util.Map;

/**
 * A run an automation wants now.
 *
 * @param automation the schedule's or sensor's name, or {@code freshness:<select>}
 * @param runKey what makes this run unique for its automation (a tick, a file, a result)
 * @param trigger how the run history names what started it
 * @param select the nodes to build; null for all
 * @param vars extra vars for the run: {@code run_date} for schedules, {@code sensor_file} for files
 */
public record RunRequest(
    String automation, String runKey, String trigger, String select, Map<String, Object> vars) {
  public RunRequest {
    vars = Map.copyOf(vars);
  }
}

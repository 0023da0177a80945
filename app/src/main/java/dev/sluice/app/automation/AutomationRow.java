package dev.sluice.app.automation;

/**
 * One schedule or sensor as the tab lists it.
 *
 * @param kind {@code schedule}, {@code files}, {@code query} or {@code run}
 * @param when the cron expression and zone, the glob, the query or what it follows
 * @param next the next tick (schedules) or next look (sensors), in the local time zone
 * @param last how the newest run it started went, and when; empty when it never ran
 */
public record AutomationRow(
    String name,
    String kind,
    String when,
    String select,
    String next,
    String last,
    boolean enabled) {}

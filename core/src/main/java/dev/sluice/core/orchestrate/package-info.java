/**
 * Orchestration: schedules, sensors, freshness rules and alerts read from {@code sluice.yml} and
 * {@code schedules/*.yml}; the evaluation that turns them into runs at a given time; the state that
 * keeps ticks, run keys and cursors in the warehouse's {@code _sluice} schema; and the loop that
 * {@code sluice serve} runs. Time always comes from an injected {@link java.time.Clock}.
 *
 * <p>In: a parsed project ({@link dev.sluice.core.parse.Manifest}) and a clock. Out: runs in the
 * run history, tagged with their trigger, and alerts.
 */
package dev.sluice.core.orchestrate;

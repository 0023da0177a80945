/**
 * The Automation tab: the project's schedules and sensors with their next tick, last result and
 * on/off switch, read from the same {@code _sluice} state that {@code sluice serve} keeps; backfill
 * of a schedule over a date range; a desktop notification when an automated run fails.
 */
package dev.sluice.app.automation;

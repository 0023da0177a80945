/**
 * Running pipelines from the app: the state of each node across a run's events, the run panel, and
 * the history of past runs (the CLI's too, read from the warehouse).
 */
package dev.sluice.app.runs;

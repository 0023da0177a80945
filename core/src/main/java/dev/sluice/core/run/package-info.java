/**
 * Running a plan: bounded parallelism, skip-downstream-of-failure, cancellation, run events,
 * history and artifacts.
 */
package dev.sluice.core.run;

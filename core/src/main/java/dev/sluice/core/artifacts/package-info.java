/**
 * dbt's artifacts, written from Sluice's own data so that tools reading them (dagster-dbt,
 * dbt-docs, Lightdash, Elementary) work on a Sluice project: {@code manifest.json} (v12), {@code
 * run_results.json} (v6) and {@code catalog.json} (v1). In: a manifest, a run summary, the
 * warehouse's columns. Out: JSON trees in dbt's published shapes.
 */
package dev.sluice.core.artifacts;

/**
 * Planning: which nodes a command touches, in what order. dbt's selection language ({@code +m},
 * {@code m+}, {@code tag:x}, {@code path:}) applied to the manifest's DAG.
 */
package dev.sluice.core.plan;

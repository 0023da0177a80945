/**
 * Column-level lineage: which upstream columns feed each column of a model, and how (copied,
 * renamed, expression, aggregate, window; join keys and filters apart). Computed from DuckDB's own
 * parse tree of each model's rendered SQL, one model at a time, cached by the model's hash. In: a
 * manifest and what the warehouse knows of relations' columns. Out: {@link
 * dev.sluice.core.lineage.ModelLineage} per model and upstream/downstream walks over them.
 */
package dev.sluice.core.lineage;

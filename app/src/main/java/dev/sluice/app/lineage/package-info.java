/**
 * Column lineage in the app: a column's upstream and downstream lit up on the graph, the impact of
 * an unsaved SQL edit on what reads the model, and the docs site one click away. Lineage is
 * computed on the background executor whenever the project is parsed again.
 */
package dev.sluice.app.lineage;

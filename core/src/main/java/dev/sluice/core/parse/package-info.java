/**
 * Parsing: the project's SQL templates rendered with dbt's Jinja functions (ref, source, config,
 * var, env_var, is_incremental, this) and user macros, and the manifest that results: final
 * configs, the DAG of refs and sources with cycle detection, and every problem with its position.
 */
package dev.sluice.core.parse;

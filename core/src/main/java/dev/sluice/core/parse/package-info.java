/**
 * Jinja rendering of SQL templates with dbt's functions (ref, source, config, var, env_var,
 * is_incremental, this) and user macros.
 */
package dev.sluice.core.parse;

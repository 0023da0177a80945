/**
 * Jinja rendering of SQL templates with dbt's functions (ref, source, config, var, env_var,
 * is_incremental, this), dbt's context objects (adapter, api, exceptions, modules, graph), dbt's
 * cross-database macros, installed packages' macros in their namespaces, and user macros.
 */
package dev.sluice.core.template;

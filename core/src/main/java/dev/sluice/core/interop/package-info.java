/**
 * Moving projects in and out of Sluice: export to a dbt project (dbt projects open as they are).
 */
package dev.sluice.core.interop;

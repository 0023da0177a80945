/**
 * Help while writing SQL: completion at the caret and diagnostics (template, parse and bind errors)
 * placed on the source text the user edits. Nothing here draws; the app's editor calls it off the
 * UI thread.
 */
package dev.sluice.core.sqlassist;

/**
 * Editing a project on disk the way a person would by hand: new model files, refs added to and
 * removed from a model's SQL, renames across every file, properties and tests in schema files,
 * source tables in sources files. Each edit is a set of file changes that can be undone, written
 * atomically; YAML is changed line by line so comments and order stay.
 */
package dev.sluice.core.edit;

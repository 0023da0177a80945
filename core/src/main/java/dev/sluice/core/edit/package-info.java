/**
 * Editing a project on disk the way a person would by hand: new model files, refs added to and
 * removed from a model's SQL, renames across every file. Each edit is a set of file changes that
 * can be undone, written atomically.
 */
package dev.sluice.core.edit;

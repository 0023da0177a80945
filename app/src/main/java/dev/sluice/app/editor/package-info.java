/**
 * The SQL editor: a RichTextFX code area with highlighting computed off the FX thread, completion,
 * diagnostics at the line, find and replace, and editor tabs that run, compile and profile a model.
 */
package dev.sluice.app.editor;

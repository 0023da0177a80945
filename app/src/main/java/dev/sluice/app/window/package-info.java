/**
 * The main window: the project explorer, the pipeline graph, the inspector, and the run, history
 * and problems panels, bound to view-models that load projects off the UI thread.
 */
package dev.sluice.app.window;

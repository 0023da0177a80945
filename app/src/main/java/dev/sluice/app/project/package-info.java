/**
 * The open project as the views see it: its manifest and problems, card positions and folder
 * collapse, the selection, and the edits made from the graph with their undo stack.
 */
package dev.sluice.app.project;

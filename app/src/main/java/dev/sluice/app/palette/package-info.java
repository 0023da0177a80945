/**
 * The palette of new nodes, dragged onto the canvas, and the dialogs it opens (a source table, an
 * export).
 */
package dev.sluice.app.palette;

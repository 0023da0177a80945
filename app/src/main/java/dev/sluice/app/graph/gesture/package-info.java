/**
 * What the mouse does on the canvas: dragging cards, drawing an edge from a port, the rubber band,
 * panning and zooming.
 */
package dev.sluice.app.graph.gesture;

/**
 * The pipeline canvas: node cards, edges, folder groups, the zoomed-out overview and the minimap,
 * drawn from the project's state.
 */
package dev.sluice.app.graph;

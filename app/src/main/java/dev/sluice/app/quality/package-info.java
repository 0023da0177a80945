/**
 * The Quality tab and the score badges on graph cards: the scorecard that {@code sluice quality}
 * prints, read from the warehouse's quality history, with a sparkline of each table's trend.
 */
package dev.sluice.app.quality;

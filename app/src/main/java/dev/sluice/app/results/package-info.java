/**
 * Query results and profiles: the project's warehouse as the app sees it, a results grid fed a page
 * at a time from a streamed query, and column profiles drawn as charts.
 */
package dev.sluice.app.results;

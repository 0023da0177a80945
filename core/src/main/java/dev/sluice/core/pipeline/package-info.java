/**
 * The door into the engine: a project opened for work (parsed, its warehouse open) that compiles,
 * runs, previews and keeps history. The CLI and the app both go through it, so a run from either is
 * the same run.
 */
package dev.sluice.core.pipeline;
